using System.Diagnostics;
using System.Globalization;
using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.Bench;
using Praefect.TestSupport;

// Side by side in one run: the same load straight to a gitaly-lite node and through praefect in front of it.
// Usage: dotnet run -c Release --project bench/Praefect.Bench [-- --seconds 5 --clone-mb 100 --refs 20000]
var seconds = Argument("--seconds", 5);
var cloneMegabytes = Argument("--clone-mb", 100);
var refCount = Argument("--refs", 20_000);
var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : "all";
var duration = TimeSpan.FromSeconds(seconds);
var warmup = TimeSpan.FromSeconds(Math.Max(1, seconds / 3));
const string Token = "bench-node-secret";
const string PraefectToken = "bench-praefect-secret";

Console.WriteLine($"# praefect proxy benchmark ({Environment.ProcessorCount} cores, {seconds} s per measurement, .NET {Environment.Version})");
await using var node = await GitalyLiteNode.StartAsync("bench-node", Token);
var config = PraefectProcess.ConfigFor("praefect", PraefectToken, (node.Storage, node.Address, Token));
// Access logs on: this is how praefect runs in production. Their output goes to a pipe read by this process.
config.Logging.Level = Environment.GetEnvironmentVariable("BENCH_PRAEFECT_LOG_LEVEL") ?? "info";
await using var praefect = await PraefectProcess.StartAsync(config);
using var work = new TempDirectory("praefect-bench");

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

var rows = new List<string>();
foreach (var concurrency in only is "all" or "unary" ? new[] { 1, 16 } : [])
{
    var results = new Dictionary<string, LoadResult>();
    foreach (var target in targets)
    {
        var request = new RepositoryExistsRequest { Repository = new Repository { StorageName = target.Storage, RelativePath = "small.git" } }.ToByteArray();
        results[target.Name] = await LoadGenerator.RunAsync(target.Channel, "gitaly.RepositoryService", "RepositoryExists", request, Headers(target.Token), concurrency, duration, warmup);
    }

    var (direct, proxied) = (results["direct"], results["praefect"]);
    rows.Add($"| RepositoryExists, {concurrency} in flight | {LoadResult.Format(direct.PerSecond)} req/s, p50 {LoadResult.Format(direct.Percentile(50))} us, p99 {LoadResult.Format(direct.Percentile(99))} us " +
             $"| {LoadResult.Format(proxied.PerSecond)} req/s, p50 {LoadResult.Format(proxied.Percentile(50))} us, p99 {LoadResult.Format(proxied.Percentile(99))} us " +
             $"| throughput {Ratio(proxied.PerSecond, direct.PerSecond)}, p50 +{LoadResult.Format(proxied.Percentile(50) - direct.Percentile(50))} us | errors {direct.Errors}/{proxied.Errors} |");
    Console.WriteLine(rows[^1]);
}

if (only is "all" or "inforefs")
{
    var results = new Dictionary<string, LoadResult>();
    foreach (var target in targets)
    {
        var request = new InfoRefsRequest { Repository = new Repository { StorageName = target.Storage, RelativePath = "refs.git" } }.ToByteArray();
        results[target.Name] = await LoadGenerator.RunAsync(target.Channel, "gitaly.SmartHTTPService", "InfoRefsUploadPack", request, Headers(target.Token), 4, duration, warmup);
    }

    var (direct, proxied) = (results["direct"], results["praefect"]);
    rows.Add($"| InfoRefsUploadPack, {refCount} refs ({direct.Bytes / Math.Max(1, direct.Calls) / 1024} KiB), 4 in flight | {MegabytesPerSecond(direct)} MB/s ({LoadResult.Format(direct.PerSecond)} calls/s) " +
             $"| {MegabytesPerSecond(proxied)} MB/s ({LoadResult.Format(proxied.PerSecond)} calls/s) | {Ratio(proxied.MegabytesPerSecond, direct.MegabytesPerSecond)} | errors {direct.Errors}/{proxied.Errors} |");
    Console.WriteLine(rows[^1]);
}

if (only is "all" or "clone")
{
    var times = new Dictionary<string, List<double>> { ["direct"] = [], ["praefect"] = [] };
    var retried = 0;
    for (var run = 0; run < 3; run++)
    {
        foreach (var target in targets)
        {
            var (wall, retries) = await CloneAsync(target.Name, target.Address, target.Storage, target.Token, work.Combine($"clone-{target.Name}-{run}.git"));
            times[target.Name].Add(wall);
            retried += retries;
        }
    }

    var (direct, proxied) = (times["direct"].Order().ElementAt(1), times["praefect"].Order().ElementAt(1));
    rows.Add($"| git clone of {cloneMegabytes} MB through the bridge (median of 3) | {direct:0.00} s | {proxied:0.00} s | {proxied / direct:0.00}x | repeated runs {retried} |");
    Console.WriteLine(rows[^1]);
}

var status = await File.ReadAllLinesAsync($"/proc/{praefect.Process.Id}/status");
var peak = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
var now = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
rows.Add($"| praefect resident memory | | peak {long.Parse(peak, CultureInfo.InvariantCulture) / 1024} MB, now {long.Parse(now, CultureInfo.InvariantCulture) / 1024} MB | | |");

Console.WriteLine();
Console.WriteLine("| measurement | direct to gitaly-lite | through praefect | praefect / direct | |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var row in rows)
{
    Console.WriteLine(row);
}

return 0;

static string Ratio(double proxied, double direct) => (proxied / direct).ToString("0.00", CultureInfo.InvariantCulture);

static string MegabytesPerSecond(LoadResult result) => result.MegabytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture);

static Metadata Headers(string token) => GitalyChannel.AuthHeaders(token);

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
