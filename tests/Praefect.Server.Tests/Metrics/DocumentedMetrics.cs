using System.Text.RegularExpressions;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Metrics;

/// <summary>The metrics table of docs/operations.md ("Monitoring"): name, label names, type.</summary>
internal static partial class DocumentedMetrics
{
    public static IReadOnlyList<(string Name, HashSet<string> Labels, string Type)> Read()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "operations.md"));
        return Row().Matches(document)
            .Select(m => (
                m.Groups[1].Value,
                m.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
                m.Groups[3].Value))
            .ToList();
    }

    [GeneratedRegex(@"^\| `([a-z_]+)(?:\{([a-z_,]*)\})?` \| (counter|gauge|histogram) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
