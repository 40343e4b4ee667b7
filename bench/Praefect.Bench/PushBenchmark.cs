using System.Diagnostics;
using System.Globalization;
using Gitaly;
using Praefect.TestSupport;

namespace Praefect.Bench;

/// <summary>
/// Push latency and throughput with reference transactions off and on, side by side in one run:
/// three gitaly-lite nodes behind two praefects (one per setting, each with its own SQLite datastore
/// and its own repositories on the same nodes), pushes of one new commit over smart HTTP (an
/// in-process gateway, so no process starts per push besides git's own), in interleaved rounds
/// (off, then on). Latency: one push at a time; throughput: pushes to 4 repositories at once.
/// With transactions on, every push is also checked to be on all three nodes when it returns.
/// </summary>
internal static class PushBenchmark
{
    private const string VirtualStorage = "praefect";
    private const string PraefectToken = "bench-praefect-secret";
    private const int Parallel = 4;

    public static async Task RunAsync(int rounds, int pushesPerRound)
    {
        Console.WriteLine($"## Push latency and throughput, reference transactions off vs on (3 gitaly-lite nodes, {rounds} rounds of {pushesPerRound} pushes per mode)");
        using var work = new TempDirectory("praefect-bench-push");
        var nodes = new List<GitalyLiteNode>();
        var modes = new List<Mode>();
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                nodes.Add(await GitalyLiteNode.StartAsync($"gitaly-{i}", $"token-{i}"));
            }

            foreach (var enabled in new[] { false, true })
            {
                var name = enabled ? "on" : "off";
                var config = PraefectProcess.ConfigFor(VirtualStorage, PraefectToken, [.. nodes.Select(n => (n.Storage, n.Address, n.Token))]);
                config.Logging.Level = "info";
                config.Transactions.Enabled = enabled;
                var praefect = await PraefectProcess.StartAsync(config);
                var gateway = await SmartHttpGateway.StartAsync(praefect.Address, VirtualStorage, PraefectToken);
                var mode = new Mode(name, praefect, gateway);
                modes.Add(mode);
                using var channel = praefect.OpenChannel();
                for (var r = 0; r < Parallel; r++)
                {
                    var path = $"push-{name}-{r}.git";
                    await new RepositoryService.RepositoryServiceClient(channel).CreateRepositoryAsync(
                        new CreateRepositoryRequest { Repository = new Repository { StorageName = VirtualStorage, RelativePath = path } }, GitalyChannel.AuthHeaders(PraefectToken));
                    var tree = await Git.CreateRepositoryAsync(work.Combine($"work-{name}-{r}"), commits: 1);
                    mode.Repositories.Add((path, tree));
                    await PushAsync(mode, r); // the first push copies the whole repository: out of the figures
                }
            }

            // Every node must hold the first pushes before transactions can include the secondaries.
            foreach (var mode in modes)
            {
                foreach (var (path, tree) in mode.Repositories)
                {
                    var expected = await Git.ForEachRefAsync(tree, "refs/heads/");
                    foreach (var node in nodes)
                    {
                        await Wait.UntilAsync(async () => Directory.Exists(node.RepositoryPath(path)) && await Git.ForEachRefAsync(node.RepositoryPath(path), "refs/heads/") == expected,
                            TimeSpan.FromMinutes(2), $"{node.Storage} to hold {path} before the measured pushes");
                    }
                }
            }

            if (Environment.GetEnvironmentVariable("BENCH_PUSH_PAUSE") is { } pause)
            {
                Console.WriteLine($"paused: praefect (on) data dir {modes[1].Praefect.Config.DataDir}, config {modes[1].Praefect.ConfigPath}; remove {pause} to go on");
                File.WriteAllText(pause, "");
                await Wait.UntilAsync(() => !File.Exists(pause), TimeSpan.FromMinutes(10), "the pause file to be removed");
            }

            var missing = 0;
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var mode in modes)
                {
                    for (var i = 0; i < pushesPerRound; i++)
                    {
                        mode.Latencies.Add(await PushAsync(mode, 0));
                        if (mode.Name == "on")
                        {
                            missing += await CountNodesWithoutAsync(nodes, mode.Repositories[0]);
                        }
                    }

                    var started = Stopwatch.GetTimestamp();
                    var perRepository = Math.Max(1, pushesPerRound / Parallel);
                    await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async r =>
                    {
                        for (var i = 0; i < perRepository; i++)
                        {
                            await PushAsync(mode, r);
                        }
                    }));
                    mode.Throughputs.Add(perRepository * Parallel / Stopwatch.GetElapsedTime(started).TotalSeconds);
                }

                Console.WriteLine($"round {round} of {rounds}: " + string.Join("; ", modes.Select(m =>
                    $"{m.Name} p50 so far {Percentile(m.Latencies, 50):0.0} ms, {m.Throughputs[^1]:0.0} pushes/s")) + $" (load average {MachineLoad.Average()})");
            }

            var (off, on) = (modes[0], modes[1]);
            if (missing > 0)
            {
                // Why a node did not take part: praefect's transaction lines say.
                foreach (var line in on.Praefect.Process.Lines.Where(l => l.Contains("commit", StringComparison.OrdinalIgnoreCase) || l.Contains("transaction", StringComparison.OrdinalIgnoreCase)).Take(12))
                {
                    Console.WriteLine("  praefect (on): " + line);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"load average at the end: {MachineLoad.Average()}; pushes with transactions on that were missing from a node when the push returned: {missing}");
            Console.WriteLine();
            Console.WriteLine("| measurement | transactions off | transactions on | on / off |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var p in new[] { 50, 95 })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| push latency p{p}, one at a time (n={on.Latencies.Count}) | {Percentile(off.Latencies, p):0.0} ms | {Percentile(on.Latencies, p):0.0} ms | {Percentile(on.Latencies, p) / Percentile(off.Latencies, p):0.00}x |"));
            }

            var (offRate, onRate) = (Median(off.Throughputs), Median(on.Throughputs));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| push throughput, {Parallel} repositories at once (median of {rounds} rounds) | {offRate:0.0} pushes/s | {onRate:0.0} pushes/s | {onRate / offRate:0.00} |"));
        }
        finally
        {
            foreach (var mode in modes)
            {
                await mode.Gateway.DisposeAsync();
                await mode.Praefect.DisposeAsync();
            }

            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>Adds a commit to the repository's working tree (not timed) and pushes it (timed); milliseconds.</summary>
    private static async Task<double> PushAsync(Mode mode, int repository)
    {
        var (path, tree) = mode.Repositories[repository];
        await Git.AddCommitsAsync(tree, 1);
        var started = Stopwatch.GetTimestamp();
        var result = await Git.TryRunAsync(tree, null, "push", "--quiet", mode.Gateway.UrlFor(path), "refs/heads/*:refs/heads/*");
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"push to {path} through praefect (transactions {mode.Name}) failed: {result.Stderr}");
        }

        return elapsed;
    }

    private static async Task<int> CountNodesWithoutAsync(IReadOnlyList<GitalyLiteNode> nodes, (string Path, string Tree) repository)
    {
        var expected = await Git.ForEachRefAsync(repository.Tree, "refs/heads/");
        var missing = 0;
        foreach (var node in nodes)
        {
            missing += await Git.ForEachRefAsync(node.RepositoryPath(repository.Path), "refs/heads/") == expected ? 0 : 1;
        }

        return missing;
    }

    private static double Percentile(List<double> sample, double percentile)
    {
        var sorted = sample.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static double Median(List<double> values) => Percentile(values, 50);

    private sealed record Mode(string Name, PraefectProcess Praefect, SmartHttpGateway Gateway)
    {
        public List<(string Path, string Tree)> Repositories { get; } = [];

        public List<double> Latencies { get; } = [];

        public List<double> Throughputs { get; } = [];
    }
}
