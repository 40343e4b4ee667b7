using System.Globalization;

namespace Praefect.Replication.Bench;

/// <summary>
/// Command line: <c>--idle N</c> (idle writes, default 100), <c>--rate R</c> and <c>--seconds S</c>
/// (steady scenario, default 20 writes/s for 60 s), <c>--peak R</c> and <c>--peak-seconds S</c> (highest
/// offered rate, default 30 writes/s for 20 s), <c>--recordings N</c> (recording latency sample, default 400).
/// </summary>
internal sealed record BenchOptions(int IdleWrites, double Rate, TimeSpan Duration, double PeakRate, TimeSpan PeakDuration, int Recordings)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["--idle"] = 100, ["--rate"] = 20, ["--seconds"] = 60, ["--peak"] = 30, ["--peak-seconds"] = 20, ["--recordings"] = 400,
        };
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException($"unknown option or bad value '{args[i]} {args[i + 1]}'; options: {string.Join(", ", values.Keys)} followed by a positive number");
            }

            values[args[i]] = value;
        }

        return new BenchOptions((int)values["--idle"], values["--rate"], TimeSpan.FromSeconds(values["--seconds"]),
            values["--peak"], TimeSpan.FromSeconds(values["--peak-seconds"]), (int)values["--recordings"]);
    }
}
