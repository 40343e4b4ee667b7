using System.Globalization;

namespace Praefect.Bench;

/// <summary>Calls completed in a timed window: throughput, latency percentiles and bytes received.</summary>
internal sealed record LoadResult(int Calls, int Errors, TimeSpan Elapsed, double[] LatenciesMicroseconds, long Bytes)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

    /// <summary>Calls made in the window, failed ones included (at least 1): what per-call figures divide by.</summary>
    public double Attempts => Math.Max(1, Calls + Errors);

    public double MegabytesPerSecond => Bytes / 1024.0 / 1024.0 / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMicroseconds.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMicroseconds.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p / 100 * sorted.Length))];
    }

    public static string Format(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
