using Praefect.TestSupport;
using System.Text.RegularExpressions;
using Praefect.Configuration.Binding;

namespace Praefect.Configuration.Tests.Docs;

/// <summary>docs/configuration.md documents exactly the praefect[...] keys the reader knows.</summary>
public partial class ConfigurationDocsTests
{
    private static string Document => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md"));

    [Test]
    public void KeysTable_ListsExactlyTheBoundKeys()
    {
        var documented = KeysOfSection("## Keys");
        var known = PraefectKeyBinders.Flat.Keys.Concat(PraefectKeyBinders.NodeListKeys).ToHashSet();

        Assert.That(known.Except(documented), Is.Empty, "keys the reader binds but docs/configuration.md does not document");
        Assert.That(documented.Except(known), Is.Empty, "keys docs/configuration.md documents but the reader does not know");
    }

    [Test]
    public void IgnoredTable_ListsExactlyTheIgnoredKeys()
    {
        Assert.That(KeysOfSection("## Accepted and ignored"), Is.EquivalentTo(PraefectKeyBinders.IgnoredKeys));
    }

    private static HashSet<string> KeysOfSection(string heading)
    {
        var document = Document;
        var start = document.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"docs/configuration.md has no '{heading}' section");
        var end = document.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var section = end < 0 ? document[start..] : document[start..end];
        return TableKey().Matches(section).Select(m => m.Groups[1].Value).ToHashSet();
    }

    // The first cell of a table row: | `praefect['key']` |
    [GeneratedRegex(@"^\| `praefect\['([a-z_]+)'\]` \|", RegexOptions.Multiline)]
    private static partial Regex TableKey();
}
