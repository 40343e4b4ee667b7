using System.Globalization;

namespace Praefect.Bench;

/// <summary>Calls completed in a timed window: throughput, latency percentiles and bytes received.</summary>
internal sealed record LoadResult(int Calls, int Errors, TimeSpan Elapsed, double[] LatenciesMicroseconds, long Bytes)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

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
