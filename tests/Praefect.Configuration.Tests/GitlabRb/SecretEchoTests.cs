using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;

namespace Praefect.Configuration.Tests.GitlabRb;

/// <summary>
/// One row per kind of syntax (and binding) error, each with a secret where a token, a password or a
/// value whose key is not known sits: the secret must not appear in the text or the JSON diagnostics.
/// </summary>
public sealed class SecretEchoTests
{
    private const string Secret = "S3CRETxyzzy42";

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData("missing '='", $"praefect['auth_token'] '{Secret}'"),
        new TestCaseData("missing '=' (double quotes)", $"praefect['database_password'] \"{Secret}\""),
        new TestCaseData("missing ',' in a hash", $"praefect['virtual_storages'] = {{ 'p' => {{ 'a' => {{ 'token' => '{Secret}' 'address' => 'tcp://a:1' }} }} }}"),
        new TestCaseData("missing ',' in an array", $"gitlab_rails['x'] = ['{Secret}' 1]"),
        new TestCaseData("text after the statement", $"praefect['auth_token'] = 'a' 1 '{Secret}'"),
        new TestCaseData("unterminated string", $"praefect['auth_token'] = '{Secret}"),
        new TestCaseData("unterminated double-quoted string", $"praefect['auth_token'] = \"{Secret}"),
        new TestCaseData("unterminated heredoc", $"praefect['auth_token'] = <<~EOS\n{Secret}"),
        new TestCaseData("string in an interpolation", $"praefect['auth_token'] = \"#{{ENV['A'] '{Secret}'}}\""),
        new TestCaseData("hash key without '=>'", $"gitlab_rails['x'] = {{ '{Secret}' 1 }}"),
        new TestCaseData("unquoted constant", $"praefect['auth_token'] = {Secret}"),
        new TestCaseData("unquoted word", $"praefect['database_password'] = s{Secret}"),
        new TestCaseData("unquoted word in a node token", $"praefect['virtual_storages'] = {{ 'p' => {{ 'a' => {{ 'token' => s{Secret} }} }} }}"),
        new TestCaseData("unquoted word in a secret env value", $"praefect['env'] = {{ 'GITLAB_TOKEN' => s{Secret} }}"),
        new TestCaseData("unquoted token starting with digits", $"praefect['auth_token'] = 9{Secret}"),
        new TestCaseData("label outside a hash", $"praefect['auth_token'] = {Secret}: 1"),
        new TestCaseData("local variable", $"auth_token = '{Secret}'"),
        new TestCaseData("invalid escape", $"praefect['auth_token'] = \"{Secret}\\x\""),
        new TestCaseData("ENV.fetch with three arguments", $"praefect['auth_token'] = ENV.fetch('A', '{Secret}', 'b')"),
        new TestCaseData("wrong type", $"praefect['auth_token'] = ['{Secret}']"),
        new TestCaseData("duplicate key", $"praefect['env'] = {{ 'A_TOKEN' => '{Secret}', 'A_TOKEN' => '{Secret}' }}"),
        new TestCaseData("configuration wrong type", $"praefect['configuration'] = {{ auth: {{ token: ['{Secret}'] }} }}"),
        new TestCaseData("method call on a secret", $"praefect['auth_token'] = '{Secret}'.strip"),
        new TestCaseData("unterminated array", $"praefect['auth_token'] = ['{Secret}'"),
        new TestCaseData("Ruby code", $"if '{Secret}'"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void ReadText_SyntaxErrorNearASecret_NeverQuotesTheSecret(string kind, string input)
    {
        var result = GitlabRbReader.ReadText(input + "\n", "gitlab.rb", new Dictionary<string, string> { ["A"] = "a" });

        Assert.That(result.HasErrors, Is.True, $"{kind}: expected an error");
        Assert.That(DiagnosticFormatter.ToText(result.Diagnostics), Does.Not.Contain(Secret), kind);
        Assert.That(DiagnosticFormatter.ToJson("gitlab.rb", result.Diagnostics), Does.Not.Contain(Secret), kind);
    }

    [Test]
    public void ReadBytes_InvalidUtf8InAToken_ErrorAtTheByteWithoutTheToken()
    {
        var bytes = "praefect['enable'] = true\npraefect['auth_token'] = 'ab"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("cd'\n"u8.ToArray()).ToArray();

        var result = GitlabRbReader.ReadBytes(bytes, "gitlab.rb");

        Assert.That(result.Settings, Is.Null, "a token with a replaced byte must never be rendered");
        Assert.That(DiagnosticFormatter.ToText(result.Diagnostics), Is.EqualTo(
            "gitlab.rb:2:29: error: gitlab.rb is not valid UTF-8 here (an invalid byte sequence)\n"
            + "  hint: save gitlab.rb as UTF-8 (for example: iconv -f latin1 -t utf-8), or type the character again\n"));
    }

    [Test]
    public void ReadBytes_ByteOrderMark_IsSkipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("praefect['enable'] = false\n"u8.ToArray()).ToArray();

        var result = GitlabRbReader.ReadBytes(bytes, "gitlab.rb");

        Assert.That(result.Diagnostics, Is.Empty);
    }
}
