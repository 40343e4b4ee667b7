using System.Text.RegularExpressions;

namespace Praefect.Server.Tests.Metrics;

/// <summary>The metric families of a Prometheus text exposition: name, type, and the label names of each sample.</summary>
internal sealed partial class PrometheusExposition
{
    private PrometheusExposition(Dictionary<string, string> types, Dictionary<string, HashSet<string>> labels)
    {
        Types = types;
        Labels = labels;
    }

    /// <summary>Family name to type (counter, gauge, histogram, ...).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>Family name to the label names its samples carry (without a histogram's <c>le</c>); absent when no sample was written.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Labels { get; }

    public static PrometheusExposition Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                types[type.Groups[1].Value] = type.Groups[2].Value;
                continue;
            }

            if (line.Length == 0 || line[0] == '#' || SampleLine().Match(line) is not { Success: true } sample)
            {
                continue;
            }

            var name = Family(sample.Groups[1].Value, types);
            var names = LabelName().Matches(sample.Groups[2].Value).Select(m => m.Groups[1].Value).Where(n => n != "le").ToHashSet(StringComparer.Ordinal);
            labels[name] = names;
        }

        return new PrometheusExposition(types, labels);
    }

    private static string Family(string sample, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.GetValueOrDefault(sample[..^suffix.Length]) == "histogram")
            {
                return sample[..^suffix.Length];
            }
        }

        return sample;
    }

    [GeneratedRegex(@"^# TYPE (\S+) (\S+)")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? ")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""(?:[^""\\]|\\.)*""")]
    private static partial Regex LabelName();
}
