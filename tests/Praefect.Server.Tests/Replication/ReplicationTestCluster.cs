using Praefect.Server.Tests.Metrics;
using Gitaly;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Server.Nodes;
using Praefect.Server.Replication;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>
/// Real gitaly-lite nodes of one virtual storage ("praefect", first node primary), a real datastore
/// (SQLite in a temp dir unless one is given) and the replication parts wired as in praefect.
/// </summary>
internal sealed class ReplicationTestCluster : IAsyncDisposable
{
    public const string VirtualStorage = "praefect";

    private readonly TempDirectory _directory;
    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private readonly NodeManager _connections;

    private ReplicationTestCluster(TempDirectory directory, IReadOnlyList<GitalyLiteNode> nodes, IDatastore store, ReplicationConfig config, IReadOnlyList<NodeConfig>? overrideNodes)
    {
        _directory = directory;
        Nodes = nodes;
        Store = store;
        Options = ReplicationOptions.From(config);
        var virtualStorage = new VirtualStorageConfig
        {
            Name = VirtualStorage,
            Nodes = overrideNodes?.ToList() ?? nodes.Select((n, i) => new NodeConfig { Storage = n.Storage, Address = n.Address, Token = n.Token, Primary = i == 0 }).ToList(),
        };
        // The node connections praefect itself uses (one pooled channel per node, v2 tokens).
        _connections = new NodeManager(new RuntimeConfig { VirtualStorages = [virtualStorage] });
        ReplicationNodes = new NodeConnectionsReplicationNodes(_connections);
        Scheduler = new DurableReplicationScheduler(store, ReplicationNodes, Instance, Signal, NullLogger<DurableReplicationScheduler>.Instance);
        Executor = new ReplicationJobExecutor(store, ReplicationNodes, Options, TimeProvider.System, Metrics);
    }

    public Praefect.Server.Metrics.PraefectMetrics Metrics { get; } = TestMetrics.Create();

    public IReadOnlyList<GitalyLiteNode> Nodes { get; }

    public GitalyLiteNode Primary => Nodes[0];

    public IDatastore Store { get; }

    public ReplicationOptions Options { get; }

    public IReplicationNodes ReplicationNodes { get; }

    public ReplicationInstance Instance { get; } = new();

    public ReplicationSignal Signal { get; } = new();

    public DurableReplicationScheduler Scheduler { get; }

    public ReplicationJobExecutor Executor { get; }

    public ReplicationService? Service { get; private set; }

    /// <summary>Fast retries and short leases so failure paths finish within a test.</summary>
    public static ReplicationConfig FastConfig() => new()
    {
        WorkersPerNode = 2,
        MaxAttempts = 3,
        LeaseMs = 2_000,
        BackoffBaseMs = 20,
        BackoffMaxMs = 100,
        PollIntervalMs = 100,
        UnavailableRetryMs = 100,
    };

    public static async Task<ReplicationTestCluster> StartAsync(int nodeCount = 2, ReplicationConfig? config = null, IDatastore? store = null, IReadOnlyList<NodeConfig>? overrideNodes = null)
    {
        var nodes = new List<GitalyLiteNode>();
        try
        {
            for (var i = 1; i <= nodeCount; i++)
            {
                nodes.Add(await GitalyLiteNode.StartAsync($"gitaly-{i}", $"token-{i}"));
            }
        }
        catch
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            throw;
        }

        var directory = new TempDirectory("replication-test");
        store ??= DatastoreFactory.CreateSqlite(directory.Combine(DatastoreFactory.SqliteFileName));
        await store.MigrateAsync(CancellationToken.None);
        return new ReplicationTestCluster(directory, nodes, store, config ?? FastConfig(), overrideNodes);
    }

    /// <summary>Starts the replicator (workers and heartbeat) as praefect does at start.</summary>
    public async Task StartReplicatorAsync()
    {
        Service = new ReplicationService(Store, ReplicationNodes, Instance, Signal, Options, TimeProvider.System, NullLoggerFactory.Instance, Metrics);
        await Service.StartAsync(CancellationToken.None);
    }

    /// <summary>Creates a bare repository with <paramref name="commits"/> commits directly in the primary's storage.</summary>
    public async Task CreateOnPrimaryAsync(string relativePath, int commits)
    {
        var work = _directory.Combine("work-" + Guid.NewGuid().ToString("N"));
        await Git.CreateRepositoryAsync(work, commits);
        await Git.RunAsync(work, "clone", "--quiet", "--bare", work, Primary.RepositoryPath(relativePath));
        await Git.RunAsync(work, "remote", "add", "primary", Primary.RepositoryPath(relativePath));
        _workTrees[relativePath] = work;
    }

    private readonly Dictionary<string, string> _workTrees = [];

    /// <summary>Adds commits and pushes them straight into the primary's copy (what a forwarded push does).</summary>
    public async Task PushToPrimaryAsync(string relativePath, int commits)
    {
        var work = _workTrees[relativePath];
        await Git.AddCommitsAsync(work, commits);
        await Git.RunAsync(work, "push", "--quiet", "primary", "main");
    }

    /// <summary>A write through the scheduler as the proxy does it: record, write, complete.</summary>
    public async Task MutateAsync(string relativePath, int commits, bool succeeded = true)
    {
        var ticket = await Scheduler.BeginMutatorAsync(VirtualStorage, relativePath, Primary.Storage, "/gitaly.SSHService/SSHReceivePack", CancellationToken.None);
        if (_workTrees.ContainsKey(relativePath))
        {
            await PushToPrimaryAsync(relativePath, commits);
        }
        else
        {
            await CreateOnPrimaryAsync(relativePath, commits);
        }

        await ticket.CompleteAsync(succeeded, CancellationToken.None);
    }

    public async Task<string> ChecksumAsync(GitalyLiteNode node, string relativePath)
    {
        if (!_channels.TryGetValue(node.Storage, out var channel))
        {
            channel = _channels[node.Storage] = node.OpenChannel();
        }

        var reply = await new RepositoryService.RepositoryServiceClient(channel).CalculateChecksumAsync(
            new CalculateChecksumRequest { Repository = new Repository { StorageName = node.Storage, RelativePath = relativePath } },
            GitalyChannel.AuthHeaders(node.Token), DateTime.UtcNow.AddSeconds(10));
        return reply.Checksum;
    }

    /// <summary>Waits until every node has the primary's checksum of <paramref name="relativePath"/>.</summary>
    public Task WaitForConvergenceAsync(string relativePath, TimeSpan timeout) =>
        Wait.UntilAsync(async () =>
        {
            var expected = await ChecksumAsync(Primary, relativePath);
            foreach (var node in Nodes.Skip(1))
            {
                if (!Directory.Exists(node.RepositoryPath(relativePath)) || await ChecksumAsync(node, relativePath) != expected)
                {
                    return false;
                }
            }

            return true;
        }, timeout, $"every replica of {relativePath} to match the primary's checksum");

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
        }

        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _connections.Dispose();
        await Store.DisposeAsync();
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        _directory.Dispose();
    }
}
