using Praefect.TestSupport;
namespace Praefect.Ctl.Tests.Docs;

/// <summary>
/// docs/cli.md holds the praefect-ctl reference between two markers; it must equal what the command
/// definitions render. Set PRAEFECT_ACCEPT_GOLDEN=1 to rewrite that part from the code.
/// </summary>
public class CliDocsTests
{
    private const string Begin = "<!-- BEGIN GENERATED: praefect-ctl reference (tests/Praefect.Ctl.Tests/Docs) -->";
    private const string End = "<!-- END GENERATED -->";

    [Test]
    public void CliMarkdown_MatchesCommandDefinitions()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "docs", "cli.md");
        var expected = CliReference.Render(CtlApp.Create(new CtlOutput(TextWriter.Null, TextWriter.Null))).Trim('\n');
        var document = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        var actual = start >= 0 && end > start ? document[(start + Begin.Length)..end].Trim('\n') : null;

        if (actual != expected && Environment.GetEnvironmentVariable("PRAEFECT_ACCEPT_GOLDEN") == "1")
        {
            var generated = Begin + "\n" + expected + "\n" + End;
            document = actual is null
                ? document + "\n" + generated + "\n"
                : document[..start] + generated + document[(end + End.Length)..];
            File.WriteAllText(path, document);
            return;
        }

        Assert.That(actual, Is.Not.Null, $"{path} has no generated reference section; run the tests with PRAEFECT_ACCEPT_GOLDEN=1");
        Assert.That(actual, Is.EqualTo(expected), $"{path} is out of date with the command definitions; run the tests with PRAEFECT_ACCEPT_GOLDEN=1 and review the diff");
    }
}
