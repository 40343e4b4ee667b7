using System.Diagnostics;
using System.Globalization;
using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.Bench;
using static Praefect.Bench.Statistics;
using Praefect.TestSupport;

// Side by side in one run: the same load straight to a gitaly-lite node and through praefect in front of it,
// in interleaved rounds (direct, then praefect, per measurement); the table shows the median of the rounds.
// Usage: dotnet bench/Praefect.Bench/bin/Release/net10.0/Praefect.Bench.dll [--seconds 5 --rounds 3 --clone-mb 100 --refs 20000 --only all|unary|inforefs|clone]
// Pushes with reference transactions off vs on (three nodes, its own setup): ... --only push [--rounds 3 --pushes 20]
var seconds = Argument("--seconds", 5);
var rounds = Math.Max(1, Argument("--rounds", 3));
var cloneMegabytes = Argument("--clone-mb", 100);
var refCount = Argument("--refs", 20_000);
var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : "all";
if (only == "push")
{
    Console.WriteLine($"# praefect push benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version}); load average at start: {MachineLoad.Average()}");
    await PushBenchmark.RunAsync(rounds, Math.Max(4, Argument("--pushes", 20)));
    return 0;
}

var duration = TimeSpan.FromSeconds(seconds);
var warmup = TimeSpan.FromSeconds(Math.Max(1, seconds / 3));
const string Token = "bench-node-secret";
const string PraefectToken = "bench-praefect-secret";

Console.WriteLine($"# praefect proxy benchmark ({Environment.ProcessorCount} cores, {seconds} s per measurement, {rounds} rounds, .NET {Environment.Version})");
Console.WriteLine($"# load average at start: {MachineLoad.Average()}");
await using var node = await GitalyLiteNode.StartAsync("bench-node", Token);
using var work = new TempDirectory("praefect-bench");
var config = PraefectProcess.ConfigFor("praefect", PraefectToken, (node.Storage, node.Address, Token));
// Access logs on: this is how praefect runs in production. Their output goes to a pipe read by this process.
config.Logging.Level = Environment.GetEnvironmentVariable("BENCH_PRAEFECT_LOG_LEVEL") ?? "info";
var allocationFile = work.Combine("praefect-allocated-bytes");
// BENCH_ALLOC_TYPES=1: praefect also samples its allocations by type; each proxied unary window prints its top types per call.
var allocationTypesFile = Environment.GetEnvironmentVariable("BENCH_ALLOC_TYPES") == "1" ? work.Combine("praefect-allocated-types") : null;
await using var praefect = await StartPraefectWithProbeAsync();

Console.WriteLine("preparing repositories ...");
await Repositories.CreateSmallAsync(node.RepositoryPath("small.git"), work.Combine("small"));
await Repositories.CreateManyRefsAsync(node.RepositoryPath("refs.git"), refCount);
await Repositories.CreateBigAsync(node.RepositoryPath("big.git"), work.Combine("big"), cloneMegabytes);

using var directChannel = node.OpenChannel();
using var praefectChannel = praefect.OpenChannel();
var targets = new (string Name, Grpc.Net.Client.GrpcChannel Channel, string Storage, string Token, string Address)[]
{
    ("direct", directChannel, node.Storage, Token, node.Address),
    ("praefect", praefectChannel, "praefect", PraefectToken, praefect.Address),
};

var unary = new Dictionary<int, List<(LoadResult Direct, LoadResult Proxied, double BytesPerCall, double CpuPerCall, CpuPerCall Others)>> { [1] = [], [16] = [] };
var infoRefs = new List<(LoadResult Direct, LoadResult Proxied)>();
var clones = new List<(double Direct, double Proxied)>();
var retried = 0;
for (var round = 1; round <= rounds; round++)
{
    Console.WriteLine($"round {round} of {rounds} (load average {MachineLoad.Average()})");
    foreach (var concurrency in only is "all" or "unary" ? new[] { 1, 16 } : [])
    {
        // CPU per call of each process in the window: the load generator (this process), the node and, through
        // praefect, praefect itself. The direct figures are the floor of what a .NET HTTP/2 server and client cost.
        var directCpu = new CpuSample();
        var direct = await UnaryAsync(targets[0], concurrency, () => directCpu = CpuSample.Take(node.Process!.Id, null));
        var (directClient, directNode, _) = CpuSample.Take(node.Process!.Id, null).PerCallSince(directCpu, direct);
        var before = StartupHook.Read(allocationFile);
        var proxiedCpu = new CpuSample();
        var typesBefore = new Dictionary<string, long>();
        var proxied = await UnaryAsync(targets[1], concurrency, () =>
        {
            (before, proxiedCpu) = (StartupHook.Read(allocationFile), CpuSample.Take(node.Process!.Id, praefect.Process.Id));
            typesBefore = allocationTypesFile is null ? [] : StartupHook.ReadTypes(allocationTypesFile);
        });
        var calls = proxied.Attempts;
        var (proxiedClient, proxiedNode, cpuPerCall) = CpuSample.Take(node.Process!.Id, praefect.Process.Id).PerCallSince(proxiedCpu, proxied);
        var bytesPerCall = (StartupHook.Read(allocationFile) - before) / calls;
        unary[concurrency].Add((direct, proxied, bytesPerCall, cpuPerCall, new CpuPerCall(directClient, directNode, proxiedClient, proxiedNode)));
        Console.WriteLine($"  RepositoryExists x{concurrency}: direct {LoadResult.Format(direct.PerSecond)} req/s p50 {LoadResult.Format(direct.Percentile(50))} us; " +
                          $"praefect {LoadResult.Format(proxied.PerSecond)} req/s p50 {LoadResult.Format(proxied.Percentile(50))} us, " +
                          $"{LoadResult.Format(bytesPerCall)} B allocated/call, {cpuPerCall:0.0} us CPU/call " +
                          $"(client/node {directClient:0.0}/{directNode:0.0} direct, {proxiedClient:0.0}/{proxiedNode:0.0} through praefect)");
        if (allocationTypesFile is not null)
        {
            PrintTopTypes(typesBefore, StartupHook.ReadTypes(allocationTypesFile), calls);
        }
    }

    if (only is "all" or "inforefs")
    {
        var results = new List<LoadResult>();
        var cpu = new List<(double Client, double Node, double Praefect)>();
        foreach (var target in targets)
        {
            var request = new InfoRefsRequest { Repository = new Repository { StorageName = target.Storage, RelativePath = "refs.git" } }.ToByteArray();
            int? praefectId = target.Name == "praefect" ? praefect.Process.Id : null;
            var start = new CpuSample();
            var result = await LoadGenerator.RunAsync(target.Channel, "gitaly.SmartHTTPService", "InfoRefsUploadPack", request, Headers(target.Token), 4, duration, warmup,
                () => start = CpuSample.Take(node.Process!.Id, praefectId));
            results.Add(result);
            cpu.Add(CpuSample.Take(node.Process!.Id, praefectId).PerCallSince(start, result));
        }

        infoRefs.Add((results[0], results[1]));
        Console.WriteLine($"  InfoRefsUploadPack x4: direct {MegabytesPerSecond(results[0])} MB/s, praefect {MegabytesPerSecond(results[1])} MB/s; " +
                          $"CPU per call (us) client/node {cpu[0].Client:0}/{cpu[0].Node:0} direct, client/node/praefect {cpu[1].Client:0}/{cpu[1].Node:0}/{cpu[1].Praefect:0} through praefect");
    }

    if (only is "all" or "clone")
    {
        var (direct, directRetries) = await CloneAsync("direct", node.Address, node.Storage, Token, work.Combine($"clone-direct-{round}.git"));
        var (proxied, proxiedRetries) = await CloneAsync("praefect", praefect.Address, "praefect", PraefectToken, work.Combine($"clone-praefect-{round}.git"));
        clones.Add((direct, proxied));
        retried += directRetries + proxiedRetries;
        Console.WriteLine($"  clone {cloneMegabytes} MB: direct {direct:0.00} s, praefect {proxied:0.00} s");
    }
}

var rows = new List<string>();
foreach (var (concurrency, results) in unary.Where(u => u.Value.Count > 0))
{
    var (directRate, proxiedRate) = (Median(results.Select(r => r.Direct.PerSecond)), Median(results.Select(r => r.Proxied.PerSecond)));
    var (directP50, proxiedP50) = (Median(results.Select(r => r.Direct.Percentile(50))), Median(results.Select(r => r.Proxied.Percentile(50))));
    var (directP99, proxiedP99) = (Median(results.Select(r => r.Direct.Percentile(99))), Median(results.Select(r => r.Proxied.Percentile(99))));
    var errors = $"{results.Sum(r => r.Direct.Errors)}/{results.Sum(r => r.Proxied.Errors)}";
    rows.Add($"| RepositoryExists, {concurrency} in flight | {F(directRate)} req/s, p50 {F(directP50)} us, p99 {F(directP99)} us " +
             $"| {F(proxiedRate)} req/s, p50 {F(proxiedP50)} us, p99 {F(proxiedP99)} us " +
             $"| throughput {Ratio(proxiedRate, directRate)}, p50 +{F(proxiedP50 - directP50)} us | errors {errors} |");
    rows.Add($"| bytes allocated per proxied RepositoryExists, {concurrency} in flight | | {F(Median(results.Select(r => r.BytesPerCall)))} B/call | | |");
    rows.Add($"| praefect CPU time (user+sys) per proxied RepositoryExists, {concurrency} in flight | | {Median(results.Select(r => r.CpuPerCall)):0.0} us/call | | |");
    rows.Add($"| load generator + node CPU time per RepositoryExists, {concurrency} in flight " +
             $"| {Median(results.Select(r => r.Others.DirectClient)):0.0} + {Median(results.Select(r => r.Others.DirectNode)):0.0} us/call " +
             $"| {Median(results.Select(r => r.Others.ProxiedClient)):0.0} + {Median(results.Select(r => r.Others.ProxiedNode)):0.0} us/call | | |");
}

if (infoRefs.Count > 0)
{
    var (direct, proxied) = (Median(infoRefs.Select(r => r.Direct.MegabytesPerSecond)), Median(infoRefs.Select(r => r.Proxied.MegabytesPerSecond)));
    var size = infoRefs[0].Direct.Bytes / Math.Max(1, infoRefs[0].Direct.Calls) / 1024;
    rows.Add($"| InfoRefsUploadPack, {refCount} refs ({size} KiB), 4 in flight | {direct:0.0} MB/s | {proxied:0.0} MB/s | {Ratio(proxied, direct)} " +
             $"| errors {infoRefs.Sum(r => r.Direct.Errors)}/{infoRefs.Sum(r => r.Proxied.Errors)} |");
}

if (clones.Count > 0)
{
    var (direct, proxied) = (Median(clones.Select(c => c.Direct)), Median(clones.Select(c => c.Proxied)));
    rows.Add($"| git clone of {cloneMegabytes} MB through the bridge | {direct:0.00} s | {proxied:0.00} s | {proxied / direct:0.00}x | repeated runs {retried} |");
}

var status = await File.ReadAllLinesAsync($"/proc/{praefect.Process.Id}/status");
var peak = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
var now = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
rows.Add($"| praefect resident memory | | peak {long.Parse(peak, CultureInfo.InvariantCulture) / 1024} MB, now {long.Parse(now, CultureInfo.InvariantCulture) / 1024} MB | | |");

Console.WriteLine();
Console.WriteLine($"Medians of {rounds} rounds; load average at the end: {MachineLoad.Average()}");
Console.WriteLine();
Console.WriteLine("| measurement | direct to gitaly-lite | through praefect | praefect / direct | |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var row in rows)
{
    Console.WriteLine(row);
}

return 0;

static string F(double value) => LoadResult.Format(value);

static string Ratio(double proxied, double direct) => (proxied / direct).ToString("0.00", CultureInfo.InvariantCulture);

static string MegabytesPerSecond(LoadResult result) => result.MegabytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture);

static Metadata Headers(string token) => GitalyChannel.AuthHeaders(token);

// Sampled (one sample per ~100 KB), so small types are missing or rounded: a guide to where the bytes go, not an exact account.
static void PrintTopTypes(Dictionary<string, long> before, Dictionary<string, long> after, double calls)
{
    foreach (var (type, bytes) in after.Select(p => (p.Key, p.Value - before.GetValueOrDefault(p.Key))).Where(p => p.Item2 > 0).OrderByDescending(p => p.Item2).Take(25))
    {
        Console.WriteLine($"      {bytes / calls,8:0} B/call  {type}");
    }
}

Task<LoadResult> UnaryAsync((string Name, Grpc.Net.Client.GrpcChannel Channel, string Storage, string Token, string Address) target, int concurrency, Action? windowStarting = null)
{
    var request = new RepositoryExistsRequest { Repository = new Repository { StorageName = target.Storage, RelativePath = "small.git" } }.ToByteArray();
    return LoadGenerator.RunAsync(target.Channel, "gitaly.RepositoryService", "RepositoryExists", request, Headers(target.Token), concurrency, duration, warmup, windowStarting);
}

// praefect runs with the allocation probe loaded as a startup hook (only praefect: the variables are set
// for its start alone), writing its allocated-bytes total to a file this process reads. BENCH_PRAEFECT_ENV
// ("NAME=value NAME2=value") adds runtime knobs for praefect alone, to compare them against a run without.
async Task<PraefectProcess> StartPraefectWithProbeAsync()
{
    var knobs = (Environment.GetEnvironmentVariable("BENCH_PRAEFECT_ENV") ?? "")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(parts => parts.Length == 2 ? (Name: parts[0], Value: parts[1]) : throw new ArgumentException($"BENCH_PRAEFECT_ENV: \"{parts[0]}\" is not NAME=value"))
        .ToArray();
    foreach (var (name, value) in knobs)
    {
        Console.WriteLine($"praefect runs with {name}={value}");
        Environment.SetEnvironmentVariable(name, value);
    }

    Environment.SetEnvironmentVariable("DOTNET_STARTUP_HOOKS", typeof(StartupHook).Assembly.Location);
    Environment.SetEnvironmentVariable(StartupHook.FileVariable, allocationFile);
    Environment.SetEnvironmentVariable(StartupHook.TypesFileVariable, allocationTypesFile);
    try
    {
        var started = await PraefectProcess.StartAsync(config, LogToFileLauncher());
        await Wait.UntilAsync(() => File.Exists(allocationFile), TimeSpan.FromSeconds(10), "the allocation probe in praefect to write its first sample");
        return started;
    }
    finally
    {
        Environment.SetEnvironmentVariable("DOTNET_STARTUP_HOOKS", null);
        Environment.SetEnvironmentVariable(StartupHook.FileVariable, null);
        Environment.SetEnvironmentVariable(StartupHook.TypesFileVariable, null);
        foreach (var (name, _) in knobs)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}

// praefect's stdout (its access log: a JSON line per call) goes to a file, as it goes to runit's svlogd in production.
// Captured by this process instead, every line would be decoded and kept by the load generator, whose CPU it shares:
// at 16 in flight the client's extra CPU per call through praefect was 22 us with the log captured here, 12 us without
// (docs/benchmarks.md): a cost of the harness, not of praefect.
string LogToFileLauncher()
{
    var launcher = work.Combine("praefect-logging-to-file");
    File.WriteAllText(launcher, $"#!/bin/sh\nexec \"$@\" >> '{work.Combine("praefect.log")}'\n");
    File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    return launcher;
}

// gitaly-lite can fail an upload-pack on a reused HTTP/2 connection when a previous call on it left a
// request read pending ("Reading is already in progress"); such runs are repeated, and counted in the table.
async Task<(double Seconds, int Retries)> CloneAsync(string name, string address, string storage, string token, string destination)
{
    var environment = GitalyBridge.Environment(BridgeMode.UploadPack, address, storage, "big.git", token);
    for (var attempt = 0; ; attempt++)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await Git.TryRunAsync(work.Path, environment, "clone", "--bare", "--quiet", GitalyBridge.RemoteUrl, destination);
        stopwatch.Stop();
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        if (result.Succeeded)
        {
            return (stopwatch.Elapsed.TotalSeconds, attempt);
        }

        if (!result.Stderr.Contains("Reading is already in progress", StringComparison.Ordinal) || attempt >= 5)
        {
            throw new InvalidOperationException($"clone through {name} failed: {result.Stderr}");
        }
    }
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
