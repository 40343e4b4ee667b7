using System.Text;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;

namespace Praefect.Configuration.Tests.Rendering;

/// <summary>
/// For each <c>valid/*.rb</c>, the full rendered file set (kind, mode, owner, path, content) must
/// equal <c>valid/NAME.rendered</c>. Set PRAEFECT_ACCEPT_GOLDEN=1 to write the current output.
/// </summary>
public class GoldenRenderTests
{
    private static string ValidDirectory => Path.Combine(RepositoryTemplates.RepositoryRoot, "tests", "Praefect.Configuration.Tests", "Rendering", "valid");

    private static IEnumerable<string> Samples() =>
        Directory.EnumerateFiles(ValidDirectory, "*.rb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Samples))]
    public void Render_ValidSample_MatchesGoldenFileSet(string sample)
    {
        var read = GitlabRbReader.ReadFile(Path.Combine(ValidDirectory, sample + ".rb"), new Dictionary<string, string>());
        Assert.That(read.HasErrors, Is.False, string.Join("\n", read.Diagnostics));
        var rendered = new SettingsRenderer(RepositoryTemplates.Set).Render(read.Settings!);
        Assert.That(rendered.Diagnostics, Is.Empty);
        var actual = Describe(rendered.Tree!);
        var goldenPath = Path.Combine(ValidDirectory, sample + ".rendered");

        if (Environment.GetEnvironmentVariable("PRAEFECT_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
            return;
        }

        Assert.That(File.Exists(goldenPath), Is.True, $"{goldenPath} is missing; run the tests with PRAEFECT_ACCEPT_GOLDEN=1 and review it");
        var expected = File.ReadAllText(goldenPath);
        Assert.That(actual, Is.EqualTo(expected),
            "rendered output differs from the golden file (run with PRAEFECT_ACCEPT_GOLDEN=1 to accept):\n"
            + string.Join("\n", UnifiedDiff.Lines("/" + sample + ".rendered", expected, actual, line => line)));
    }

    /// <summary>The manifest line of every entry, each file followed by its content.</summary>
    private static string Describe(RenderedTree tree)
    {
        var text = new StringBuilder();
        foreach (var entry in tree.Entries)
        {
            text.Append("==> ").Append(entry.ManifestLine).Append('\n');
            if (entry.Kind == EntryKind.File)
            {
                text.Append(entry.Content);
            }
        }

        return text.ToString();
    }
}
