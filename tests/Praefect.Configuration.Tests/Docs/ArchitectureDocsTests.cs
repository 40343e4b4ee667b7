using System.Text.RegularExpressions;
using System.Xml.Linq;
using Praefect.TestSupport;

namespace Praefect.Configuration.Tests.Docs;

/// <summary>docs/architecture.md lists every project under src/ with exactly the projects it references.</summary>
public partial class ArchitectureDocsTests
{
    [Test]
    public void DependencyList_MatchesTheProjectReferences()
    {
        var root = RepositoryRoot.Find();
        var actual = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => string.Join(", ", XDocument.Load(path).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                    .Order(StringComparer.Ordinal)) is { Length: > 0 } list ? list : "(none)");
        var document = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var documented = Entry().Matches(document).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.That(documented, Is.EquivalentTo(actual),
            "the dependency list at the top of docs/architecture.md ('- `Project -> A, B`', sorted) against the ProjectReferences under src/");
    }

    [GeneratedRegex(@"^- `([A-Za-z.]+) -> ([^`]+)`$", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
