using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Validation;

namespace Praefect.Configuration.Tests.Rendering;

/// <summary>Values no rendered file can carry safely are gitlab.rb errors, reported before anything is rendered.</summary>
public class RenderSafetyValidatorTests
{
    private const string Valid = """
        praefect['enable'] = true
        praefect['auth_token'] = 'secret'
        praefect['virtual_storages'] = { 'vs' => { 'n1' => { 'address' => 'tcp://n1:8075', 'token' => 't1', 'primary' => true } } }

        """;

    [TestCase("praefect['username'] = \"git\\nroot\"",
        "m.rb:4:24: error: praefect['username'] = 'git\\u000Aroot' is not a valid user or group name")]
    [TestCase("praefect['group'] = 'git group'",
        "m.rb:4:21: error: praefect['group'] = 'git group' is not a valid user or group name")]
    [TestCase("praefect['dir'] = 'var/opt/praefect'",
        "m.rb:4:19: error: praefect['dir'] = 'var/opt/praefect' is not an absolute path")]
    [TestCase("praefect['log_directory'] = '/var/log/../../etc'",
        "m.rb:4:29: error: praefect['log_directory'] = '/var/log/../../etc' contains '..'")]
    [TestCase("praefect['binary_path'] = \"/opt/praefect/bin/praefect\\n\"",
        "m.rb:4:27: error: praefect['binary_path'] = '/opt/praefect/bin/praefect\\u000A' contains a control character (newline, tab, ...) that cannot be written into a path")]
    [TestCase("praefect['env'] = { '1BAD' => 'x' }",
        "m.rb:4:19: error: praefect['env'] has the variable name '1BAD', which is not a valid environment variable name")]
    [TestCase("praefect['env'] = { 'GOOD' => \"two\\nlines\" }",
        "m.rb:4:19: error: praefect['env']['GOOD'] contains a control character (newline, tab, ...), which an env dir file cannot hold")]
    [TestCase("praefect['env'] = { 'GOOD' => 'trailing ' }",
        "m.rb:4:19: error: praefect['env']['GOOD'] ends with whitespace, which chpst would drop")]
    public void ReadText_UnrenderableValue_IsAnErrorAtTheKey(string line, string expected)
    {
        var result = GitlabRbReader.ReadText(Valid + line + "\n", "m.rb", new Dictionary<string, string>());

        var errors = result.Diagnostics.Where(d => d.Code == RenderSafetyValidator.Code).Select(d => d.ToString().Split('\n')[0]).ToList();
        Assert.That(errors, Is.EqualTo(new[] { expected }), string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void ReadText_TokensWithQuotesNewlinesAndNonAscii_AreFine()
    {
        var result = GitlabRbReader.ReadText(Valid.Replace("'secret'", "\"a'b\\\"c\\nd: #é\""), "m.rb", new Dictionary<string, string>());

        Assert.That(result.Diagnostics.Where(d => d.Code == RenderSafetyValidator.Code), Is.Empty);
    }
}
