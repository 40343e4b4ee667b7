using Praefect.Configuration.Rendering.Apply;

namespace Praefect.Configuration.Tests.Rendering.Apply;

public class UnifiedDiffTests
{
    [Test]
    public void Lines_TwoDistantChanges_TwoHunksWithThreeLinesOfContext()
    {
        var old = string.Concat(Enumerable.Range(1, 20).Select(i => $"l{i}\n"));
        var updated = old.Replace("l2\n", "L2\n").Replace("l18\n", "L18\n");

        var lines = UnifiedDiff.Lines("/f", old, updated, line => line);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "--- a/f", "+++ b/f",
            "@@ -1,5 +1,5 @@", " l1", "-l2", "+L2", " l3", " l4", " l5",
            "@@ -15,6 +15,6 @@", " l15", " l16", " l17", "-l18", "+L18", " l19", " l20",
        }));
    }

    [Test]
    public void Lines_NewFile_AllAddedFromDevNull()
    {
        var lines = UnifiedDiff.Lines("/f", null, "a\nb\n", line => line.ToUpperInvariant());

        Assert.That(lines, Is.EqualTo(new[] { "--- /dev/null", "+++ b/f", "@@ -0,0 +1,2 @@", "+A", "+B" }));
    }
}
