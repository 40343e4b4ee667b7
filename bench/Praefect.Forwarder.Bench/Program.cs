using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gitaly;
using Google.Protobuf;
using Praefect.Bench;
using static Praefect.Bench.Statistics;
using Praefect.Forwarder.Bench;
using Praefect.TestSupport;

// What a forwarder costs on this stack without praefect's own work, side by side in one run (interleaved rounds):
// unary RepositoryExists at 1 and 16 in flight straight to a gitaly-lite node, through a minimal Kestrel + YARP
// forwarder (praefect's design) and through Kestrel + a raw HTTP/2 client (RawHttp2Connection).
// Usage: dotnet bench/Praefect.Forwarder.Bench/bin/Release/net10.0/Praefect.Forwarder.Bench.dll [--seconds 6 --rounds 3]
// (the forwarders are this program too: ... serve yarp|raw <port> <node port>)
if (args is ["serve", var serveMode, var servePort, var nodePort])
{
    await MinimalForwarder.RunAsync(serveMode, int.Parse(servePort, CultureInfo.InvariantCulture), int.Parse(nodePort, CultureInfo.InvariantCulture));
    return 0;
}

var seconds = Argument("--seconds", 6);
var rounds = Math.Max(1, Argument("--rounds", 3));
const string Token = "bench-node-secret";
Console.WriteLine($"# forwarder floor benchmark ({Environment.ProcessorCount} cores, {seconds} s per measurement, {rounds} rounds, .NET {Environment.Version})");
Console.WriteLine($"# load average at start: {MachineLoad.Average()}");
await using var node = await GitalyLiteNode.StartAsync("bench-node", Token);
var forwarders = new List<(string Name, Process Process, int Port)>();
try
{
    foreach (var mode in new[] { "yarp", "raw" })
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Praefect.Forwarder.Bench"),
            ["serve", mode, port.ToString(CultureInfo.InvariantCulture), node.Port.ToString(CultureInfo.InvariantCulture)]);
        forwarders.Add((mode, Process.Start(start) ?? throw new InvalidOperationException($"cannot start the {mode} forwarder"), port));
        await WaitUntilListeningAsync(mode, port);
    }

    var request = new RepositoryExistsRequest { Repository = new Repository { StorageName = node.Storage, RelativePath = "small.git" } }.ToByteArray();
    var targets = new List<(string Name, Grpc.Net.Client.GrpcChannel Channel, Process? Process)> { ("direct", node.OpenChannel(), null) };
    targets.AddRange(forwarders.Select(f => (f.Name, GitalyChannel.Open($"tcp://127.0.0.1:{f.Port}"), (Process?)f.Process)));
    var results = new Dictionary<(string Name, int Concurrency), List<(LoadResult Load, double CpuPerCall)>>();
    for (var round = 1; round <= rounds; round++)
    {
        Console.WriteLine($"round {round} of {rounds} (load average {MachineLoad.Average()})");
        foreach (var concurrency in new[] { 1, 16 })
        {
            foreach (var target in targets)
            {
                var cpuBefore = TimeSpan.Zero;
                // A fresh token per measurement: Gitaly's v2 tokens are only valid for a while.
                var load = await LoadGenerator.RunAsync(target.Channel, "gitaly.RepositoryService", "RepositoryExists", request, GitalyChannel.AuthHeaders(Token),
                    concurrency, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(Math.Max(1, seconds / 3)), () => cpuBefore = ProcessorTime(target.Process));
                var cpuPerCall = (ProcessorTime(target.Process) - cpuBefore).TotalMicroseconds / load.Attempts;
                (results.TryGetValue((target.Name, concurrency), out var list) ? list : results[(target.Name, concurrency)] = []).Add((load, cpuPerCall));
                Console.WriteLine($"  {target.Name} x{concurrency}: {LoadResult.Format(load.PerSecond)} req/s p50 {LoadResult.Format(load.Percentile(50))} us" +
                                  (target.Process is null ? "" : $", forwarder CPU {cpuPerCall:0.0} us/call") + $", errors {load.Errors}");
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Medians of {rounds} rounds; load average at the end: {MachineLoad.Average()}");
    Console.WriteLine();
    Console.WriteLine("| measurement | direct to gitaly-lite | minimal YARP forwarder | raw HTTP/2 client forwarder |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var concurrency in new[] { 1, 16 })
    {
        var direct = results[("direct", concurrency)];
        var (directRate, directP50) = (Median(direct.Select(r => r.Load.PerSecond)), Median(direct.Select(r => r.Load.Percentile(50))));
        var cells = forwarders.Select(f => results[(f.Name, concurrency)]).Select(r =>
        {
            var (rate, p50) = (Median(r.Select(x => x.Load.PerSecond)), Median(r.Select(x => x.Load.Percentile(50))));
            return $"{LoadResult.Format(rate)} req/s ({(rate / directRate).ToString("0.00", CultureInfo.InvariantCulture)}), p50 +{LoadResult.Format(p50 - directP50)} us, " +
                   $"{Median(r.Select(x => x.CpuPerCall)):0.0} us CPU/call, errors {r.Sum(x => x.Load.Errors)}";
        });
        Console.WriteLine($"| RepositoryExists, {concurrency} in flight | {LoadResult.Format(directRate)} req/s, p50 {LoadResult.Format(directP50)} us, errors {direct.Sum(x => x.Load.Errors)} | {string.Join(" | ", cells)} |");
    }

    return 0;
}
finally
{
    foreach (var forwarder in forwarders)
    {
        forwarder.Process.Kill(entireProcessTree: true);
        await forwarder.Process.WaitForExitAsync();
        forwarder.Process.Dispose();
    }
}

int Argument(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

static TimeSpan ProcessorTime(Process? process) => process is null ? TimeSpan.Zero : Process.GetProcessById(process.Id).TotalProcessorTime;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitUntilListeningAsync(string name, int port)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
        catch (SocketException e)
        {
            throw new TimeoutException($"the {name} forwarder did not listen on 127.0.0.1:{port} within 60 s", e);
        }
    }
}
