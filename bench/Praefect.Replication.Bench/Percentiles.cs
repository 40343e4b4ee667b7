using System.Globalization;

namespace Praefect.Replication.Bench;

/// <summary>p50/p99 of a sample, printed in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sample, double percentile)
    {
        var sorted = sample.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static string Format(IReadOnlyList<double> milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {Of(milliseconds, 50):0.00} ms, p99 {Of(milliseconds, 99):0.00} ms (n={milliseconds.Count})");
}
