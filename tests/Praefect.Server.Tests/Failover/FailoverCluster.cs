using Gitaly;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Admin;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

/// <summary>
/// Three gitaly-lite nodes (praefect-git-1 primary) behind one or more praefect processes, with
/// helpers for real git pushes through praefect, praefect-ctl and the admin API. The data dir is
/// the cluster's own, so a praefect can be restarted on the same datastore.
/// </summary>
internal sealed class FailoverCluster : IAsyncDisposable
{
    public const string VirtualStorage = "praefect";
    public const string AuthToken = "failover-test-secret";

    private readonly TempDirectory _work = new("praefect-failover-cluster");
    private readonly List<PraefectProcess> _praefects = [];
    private GrpcChannel? _channel;

    public IReadOnlyList<GitalyLiteNode> Nodes { get; private set; } = [];

    public PraefectProcess Praefect => _praefects[0];

    public IReadOnlyList<PraefectProcess> Praefects => _praefects;

    public string WorkDirectory => _work.Path;

    public static async Task<FailoverCluster> StartAsync(Action<RuntimeConfig>? configure = null, int praefects = 1)
    {
        var cluster = new FailoverCluster();
        try
        {
            var nodes = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => GitalyLiteNode.StartAsync($"praefect-git-{i}", $"node-{i}-secret")));
            cluster.Nodes = nodes;
            for (var i = 0; i < praefects; i++)
            {
                await cluster.StartPraefectAsync(configure);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public RuntimeConfig NewConfig(Action<RuntimeConfig>? configure)
    {
        var config = PraefectProcess.ConfigFor(VirtualStorage, AuthToken, Nodes.Select(n => (n.Storage, n.Address, n.Token)).ToArray());
        config.DataDir = _work.Combine("data");
        Directory.CreateDirectory(config.DataDir);
        config.Failover.HealthCheckIntervalMs = 200;
        config.Failover.HealthCheckTimeoutMs = 500;
        config.Failover.UnhealthyThreshold = 2;
        config.Failover.HealthyThreshold = 1;
        configure?.Invoke(config);
        return config;
    }

    public Task<PraefectProcess> StartPraefectAsync(Action<RuntimeConfig>? configure = null) => StartPraefectAsync(NewConfig(configure));

    public async Task<PraefectProcess> StartPraefectAsync(RuntimeConfig config)
    {
        var praefect = await PraefectProcess.StartAsync(config);
        _praefects.Add(praefect);
        return praefect;
    }

    /// <summary>Stops the first praefect and starts a new one with the same config and datastore.</summary>
    public async Task RestartPraefectAsync()
    {
        var config = Praefect.Config;
        _channel?.Dispose();
        _channel = null;
        await Praefect.DisposeAsync();
        config.ListenAddr = $"127.0.0.1:{TestPorts.Candidate()}";
        config.PrometheusListenAddr = $"127.0.0.1:{TestPorts.Candidate()}";
        _praefects[0] = await PraefectProcess.StartAsync(config);
    }

    public GrpcChannel Channel => _channel ??= Praefect.OpenChannel();

    public PraefectAdmin.PraefectAdminClient Admin(PraefectProcess? praefect = null) =>
        new(praefect is null ? Channel : praefect.OpenChannel());

    public static CallOptions Call() => new(GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(60));

    /// <summary>praefect-ctl with the first praefect's rendered config.</summary>
    public Task<CtlResult> CtlAsync(params string[] arguments) => PraefectCtl.RunAsync([.. arguments, "--config", Praefect.ConfigPath]);

    public async Task<string> PrimaryAsync(PraefectProcess? praefect = null)
    {
        var reply = await Admin(praefect).ListNodesAsync(new ListNodesRequest { VirtualStorage = VirtualStorage }, Call());
        return reply.VirtualStorages.Single().Primary;
    }

    public GitalyLiteNode Node(string storage) => Nodes.Single(n => n.Storage == storage);

    /// <summary>Creates a repository through praefect and a local working tree with one commit for it.</summary>
    public async Task<string> CreateRepositoryAsync(string relativePath)
    {
        await new RepositoryService.RepositoryServiceClient(Channel).CreateRepositoryAsync(
            new CreateRepositoryRequest { Repository = new Repository { StorageName = VirtualStorage, RelativePath = relativePath } }, Call());
        return await Git.CreateRepositoryAsync(_work.Combine("src", relativePath.Replace('/', '_')), commits: 1);
    }

    /// <summary>Adds a commit to the working tree and pushes every branch through praefect.</summary>
    public async Task<GitResult> CommitAndPushAsync(string workTree, string relativePath, PraefectProcess? praefect = null)
    {
        await Git.AddCommitsAsync(workTree, 1);
        return await PushAsync(workTree, relativePath, praefect);
    }

    public Task<GitResult> PushAsync(string workTree, string relativePath, PraefectProcess? praefect = null) =>
        Git.TryRunAsync(workTree, GitalyBridge.Environment(BridgeMode.ReceivePack, (praefect ?? Praefect).Address, VirtualStorage, relativePath, AuthToken),
            "push", "--quiet", GitalyBridge.RemoteUrl, "refs/heads/*:refs/heads/*");

    /// <summary>Waits until <paramref name="storage"/>'s copy has exactly the refs of <paramref name="workTree"/>.</summary>
    public async Task WaitForRefsAsync(string storage, string relativePath, string workTree, TimeSpan timeout)
    {
        var expected = await Git.ForEachRefAsync(workTree, "refs/heads/");
        var path = Node(storage).RepositoryPath(relativePath);
        await Wait.UntilAsync(async () => Directory.Exists(path) && await Git.ForEachRefAsync(path, "refs/heads/") == expected,
            timeout, $"'{storage}' to hold the refs of {relativePath}");
    }

    /// <summary>Waits until every node holds the latest generation of every repository and no job is left.</summary>
    public Task WaitUntilReplicatedAsync(TimeSpan timeout) =>
        Wait.UntilAsync(async () =>
        {
            var reply = await Admin().ListNodesAsync(new ListNodesRequest(), Call());
            return reply.VirtualStorages.Single().Nodes.All(n => n.OutdatedRepositories == 0 && n.ReplicationBacklog == 0);
        }, timeout, "replication to catch up on every node");

    public void PrintLogs()
    {
        foreach (var praefect in _praefects)
        {
            praefect.Process.PrintLog();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        foreach (var praefect in _praefects)
        {
            await praefect.DisposeAsync();
        }

        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        _work.Dispose();
    }
}
