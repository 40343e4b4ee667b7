using System.Diagnostics;
using Praefect.Configuration.Runtime;
using Praefect.TestSupport;

namespace Praefect.Demo;

/// <summary>
/// The newcomer path, step by step: configuration from gitlab.rb, a cluster of three gitaly-lite
/// nodes behind praefect, a real git push replicated to every node, a graceful failover, and a
/// clone through praefect. Each step prints what it proves; the first failure stops the demo.
/// </summary>
internal sealed class DemoRunner(string repositoryRoot, bool keep)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(60);
    private const string RepositoryPath = "demo/hello-praefect.git";

    private readonly List<DemoStep> steps = [];
    private readonly string sandbox = Path.Combine(repositoryRoot, "sandbox");
    private readonly string gitlabRb = Path.Combine(repositoryRoot, "docs/examples/gitlab.rb");
    private readonly string praefect = BuiltExecutable.Find("Praefect.Server", "praefect");
    private readonly string ctl = BuiltExecutable.Find("Praefect.Ctl", "praefect-ctl");
    private readonly string gitalyLite = BuiltExecutable.Find("GitalyLite", "gitaly-lite");
    private Services services = null!;
    private Cluster cluster = null!;
    private string configPath = "";

    public async Task<int> RunAsync()
    {
        services = new Services(sandbox);
        await services.StopAllAsync(); // a cluster left by an earlier --keep run
        if (Directory.Exists(sandbox))
        {
            // Every run starts from nothing: an earlier run's repositories and recorded primary would change the story.
            Say.Info($"removing the previous run's {sandbox}");
            Directory.Delete(sandbox, recursive: true);
        }

        Directory.CreateDirectory(sandbox);
        var ok = false;
        try
        {
            await StepAsync("Build", "the three executables are built from this checkout", BuildInfoAsync);
            await StepAsync("Configure from gitlab.rb", "the seed's Praefect block validates and renders config.yml and the runit service", ConfigureAsync);
            await StepAsync("Start the cluster", "three gitaly-lite nodes and praefect run from the rendered files", StartAsync);
            await StepAsync("Dial the nodes", "praefect-ctl reaches every node with its own token; the service is up", DialAsync);
            await StepAsync("Push and replicate", "a real git push through praefect lands on the primary and replicates to both secondaries", PushAndReplicateAsync);
            await StepAsync("Fail over and clone", "a graceful failover loses nothing; writes go to the new primary; the old primary catches up", FailoverAsync);
            ok = true;
        }
        catch (DemoFailedException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine("demo failed: " + e.Message);
            if (e.Details.Length > 0)
            {
                Console.Error.WriteLine(e.Details.TrimEnd());
            }

            Console.Error.WriteLine($"logs: {Path.Combine(sandbox, "var/log")}");
        }
        finally
        {
            PrintSummary();
            if (keep && ok)
            {
                PrintKeepInstructions();
            }
            else
            {
                await services.StopAllAsync();
                Console.WriteLine($"Stopped every process the demo started; {sandbox} is left for inspection.");
            }
        }

        return ok ? 0 : 1;
    }

    private async Task StepAsync(string title, string proves, Func<Task<string>> body)
    {
        var number = steps.Count + 1;
        Say.Step(number, title, proves);
        var clock = Stopwatch.StartNew();
        try
        {
            var detail = await body();
            steps.Add(new DemoStep(number, title, proves, true, clock.Elapsed, detail));
        }
        catch (Exception e) when (e is not DemoFailedException)
        {
            steps.Add(new DemoStep(number, title, proves, false, clock.Elapsed, e.Message));
            throw new DemoFailedException($"step {number} ({title}): {e.Message}");
        }
        catch (DemoFailedException e)
        {
            steps.Add(new DemoStep(number, title, proves, false, clock.Elapsed, e.Message));
            throw;
        }
    }

    private async Task<string> BuildInfoAsync()
    {
        var version = await RunAsync(praefect, ["--version"]);
        foreach (var tool in new[] { ctl, gitalyLite })
        {
            Say.Info("built " + tool);
        }

        return version.Trim();
    }

    private async Task<string> ConfigureAsync()
    {
        await RunAsync(ctl, ["check", "--config", gitlabRb]);
        Say.Info($"PRAEFECT_BINARY={praefect}   # read by docs/examples/gitlab.rb: the run script starts this build");
        await RunAsync(ctl, ["reconfigure", "--config", gitlabRb, "--root", sandbox, "--sandbox"], new Dictionary<string, string> { ["PRAEFECT_BINARY"] = praefect });
        configPath = Path.Combine(sandbox, "var/opt/gitlab/praefect/config.yml");
        var config = RuntimeConfigLoader.LoadFile(configPath, out var error) ?? throw new DemoFailedException("the rendered config.yml does not load", error);
        cluster = new Cluster(config);
        return $"{config.VirtualStorages.Count} virtual storage, {cluster.VirtualStorage.Nodes.Count} nodes";
    }

    private async Task<string> StartAsync()
    {
        var runit = Services.RunitInstalled;
        foreach (var node in cluster.VirtualStorage.Nodes)
        {
            var storageDir = Path.Combine(sandbox, "var/opt/gitlab/git-data", node.Storage);
            Directory.CreateDirectory(storageDir);
            var command = $"{Shell.Quote(gitalyLite)} serve --listen {Shell.Quote(node.Address.Replace("tcp://", ""))} --storage {Shell.Quote(node.Storage + "=" + storageDir)} --token {Shell.Quote(node.Token)}";
            if (runit)
            {
                services.DefineRunitService("gitaly-lite-" + node.Storage, command);
            }
            else
            {
                services.StartDetached(node.Storage, command, Path.Combine(sandbox, "var/log", node.Storage + ".log"));
            }
        }

        if (runit)
        {
            Say.Command($"runsvdir -P {services.ServiceDir}   # the Omnibus way: runit supervises every service");
            services.StartRunsvdir();
        }
        else
        {
            Say.Info("runit is not installed: starting the services as supervised child processes");
            services.StartDetached("praefect", $"{Shell.Quote(praefect)} --config {Shell.Quote(configPath)}", Path.Combine(sandbox, "var/log/praefect.log"));
        }

        foreach (var node in cluster.VirtualStorage.Nodes)
        {
            await cluster.WaitHealthyAsync(node.Address, node.Storage, StartTimeout);
            Say.Info($"{node.Storage} serving at {node.Address}");
        }

        await cluster.WaitHealthyAsync(cluster.PraefectAddress, "praefect", StartTimeout);
        Say.Info($"praefect serving at {cluster.PraefectAddress}");
        return runit ? "under runsvdir" : "as child processes";
    }

    private async Task<string> DialAsync()
    {
        await RunAsync(ctl, ["dial-nodes", "--config", configPath]);
        if (Services.RunitInstalled)
        {
            await RunAsync(ctl, ["status", "--config", gitlabRb, "--root", sandbox]);
        }

        return "all nodes reachable";
    }

    private async Task<string> PushAndReplicateAsync()
    {
        Say.Info($"CreateRepository {cluster.VirtualStorage.Name}/{RepositoryPath} through praefect");
        await cluster.CreateRepositoryAsync(RepositoryPath);
        var work = Path.Combine(sandbox, "work");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        await Git.CreateRepositoryAsync(work, commits: 20);
        await PushAsync(work);
        var lag = await WaitForEqualChecksumsAsync("every node");
        await RunAsync(ctl, ["replication-status", "--config", configPath]);
        return $"replicated to all nodes in {lag.TotalMilliseconds:F0} ms";
    }

    private async Task<string> FailoverAsync()
    {
        var vs = cluster.VirtualStorage;
        var oldPrimary = vs.Nodes.First(n => n.Primary).Storage;
        var target = vs.Nodes.First(n => !n.Primary).Storage;
        await RunAsync(ctl, ["failover", "--config", configPath, "--virtual-storage", vs.Name, "--to", target]);

        var work = Path.Combine(sandbox, "work");
        await Git.AddCommitsAsync(work, 1);
        var head = (await Git.RunAsync(work, "log", "-1", "--format=%h %s")).Trim();
        await PushAsync(work);

        var clone = Path.Combine(sandbox, "clone");
        if (Directory.Exists(clone))
        {
            Directory.Delete(clone, recursive: true);
        }

        Say.Command($"git clone --branch main {GitalyBridge.RemoteUrl} (through praefect, via the gitaly-ssh bridge)");
        var env = GitalyBridge.Environment(BridgeMode.UploadPack, cluster.PraefectAddress, vs.Name, RepositoryPath, cluster.Config.Auth.Token);
        var result = await Git.TryRunAsync(sandbox, env, "clone", "--quiet", "--branch", "main", GitalyBridge.RemoteUrl, clone);
        if (!result.Succeeded)
        {
            throw new DemoFailedException("git clone through praefect failed", result.Stderr);
        }

        var cloned = (await Git.RunAsync(clone, "log", "-1", "--format=%h %s")).Trim();
        Say.Info($"pushed {head}; the clone's HEAD is {cloned}");
        if (cloned != head)
        {
            throw new DemoFailedException($"the clone's HEAD '{cloned}' is not the pushed commit '{head}'");
        }

        var lag = await WaitForEqualChecksumsAsync($"{oldPrimary} catching up as a secondary");
        await RunAsync(ctl, ["nodes", "--config", configPath]);
        return $"{target} is primary; {oldPrimary} caught up in {lag.TotalMilliseconds:F0} ms";
    }

    private async Task PushAsync(string work)
    {
        Say.Command($"git push {GitalyBridge.RemoteUrl} main (through praefect, via the gitaly-ssh bridge)");
        var env = GitalyBridge.Environment(BridgeMode.ReceivePack, cluster.PraefectAddress, cluster.VirtualStorage.Name, RepositoryPath, cluster.Config.Auth.Token);
        var result = await Git.TryRunAsync(work, env, "push", "--quiet", GitalyBridge.RemoteUrl, "main");
        if (!result.Succeeded)
        {
            throw new DemoFailedException("git push through praefect failed", result.Stderr);
        }
    }

    private async Task<TimeSpan> WaitForEqualChecksumsAsync(string what)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<(string Storage, string Checksum)> sums = [];
        await Wait.UntilAsync(async () =>
        {
            sums = await cluster.ChecksumsAsync(RepositoryPath);
            return sums.All(s => s.Checksum != "absent" && s.Checksum == sums[0].Checksum);
        }, ConvergeTimeout, $"equal checksums on {what}");
        var lag = clock.Elapsed;
        foreach (var (storage, checksum) in sums)
        {
            Say.Info($"{storage,-16} checksum {checksum}");
        }

        return lag;
    }

    private async Task<string> RunAsync(string executable, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        Say.Command(Path.GetFileName(executable) + " " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? Shell.Quote(a) : a)));
        await using var process = ChildProcess.Start(Path.GetFileName(executable), executable, arguments, environment, repositoryRoot);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(120));
        var output = string.Join('\n', process.Lines.Select(CapturedLine.Text));
        Say.Output(output);
        if (exit != 0)
        {
            throw new DemoFailedException($"'{Path.GetFileName(executable)} {string.Join(' ', arguments)}' exited with {exit}");
        }

        return output;
    }

    private void PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine("| step | result | time | detail |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var step in steps)
        {
            Console.WriteLine($"| {step.Number}. {step.Title} | {(step.Succeeded ? "ok" : "FAILED")} | {step.Duration.TotalSeconds:F1} s | {step.Detail} |");
        }
    }

    private void PrintKeepInstructions()
    {
        var vs = cluster.VirtualStorage;
        Console.WriteLine();
        Console.WriteLine("The cluster keeps running (--keep). Try:");
        Console.WriteLine($"  {ctl} dial-nodes --config {configPath}");
        Console.WriteLine($"  {ctl} status --config {gitlabRb} --root {sandbox}");
        Console.WriteLine($"  {ctl} failover --config {configPath} --virtual-storage {vs.Name} --to {vs.Nodes[0].Storage}");
        Console.WriteLine($"  curl -s http://{cluster.Config.PrometheusListenAddr}/metrics | grep gitaly_praefect");
        Console.WriteLine("Stop it with:");
        Console.WriteLine("  ./build.sh demo-stop");
    }
}
