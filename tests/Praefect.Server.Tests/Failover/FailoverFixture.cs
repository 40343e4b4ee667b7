using Praefect.Server.Tests.Metrics;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Server.Failover;
using Praefect.Server.Nodes;
using Praefect.Server.Tests.Health;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

/// <summary>
/// Failover in-process: a real SQLite datastore, the real node manager (nodes are never dialled),
/// health set by the test. Virtual storage "praefect" with git-1 (primary), git-2 and git-3.
/// </summary>
internal sealed class FailoverFixture : IAsyncDisposable
{
    public const string VirtualStorage = "praefect";

    private readonly TempDirectory? _directory;

    private FailoverFixture(IDatastore store, TempDirectory? directory)
    {
        _directory = directory;
        Store = store;
        Nodes = new NodeManager(Config());
        Gates = new MutatorGates();
        Guard = new LostWritesGuard(store);
        Admission = new MutatorAdmission(Gates, Guard);
        Coordinator = new FailoverCoordinator(Nodes, Nodes, Health, store, Gates, Guard, Logger, TimeProvider.System, TestMetrics.Create());
    }

    public IDatastore Store { get; }

    public NodeManager Nodes { get; }

    public FakeNodeHealth Health { get; } = new();

    public MutatorGates Gates { get; }

    public LostWritesGuard Guard { get; }

    public MutatorAdmission Admission { get; }

    public RecordingLogger<FailoverCoordinator> Logger { get; } = new();

    public FailoverCoordinator Coordinator { get; }

    public string Primary => Nodes.Current.VirtualStorages[0].Primary.Storage;

    public static Task<FailoverFixture> CreateAsync()
    {
        var directory = new TempDirectory("praefect-failover");
        return CreateAsync(DatastoreFactory.CreateSqlite(directory.Combine("praefect.db")), directory);
    }

    /// <summary>A second praefect on the same datastore (or a fresh one when <paramref name="directory"/> owns it).</summary>
    public static async Task<FailoverFixture> CreateAsync(IDatastore store, TempDirectory? directory = null)
    {
        var fixture = new FailoverFixture(store, directory);
        await store.MigrateAsync(CancellationToken.None);
        await store.EnsurePrimaryAsync(VirtualStorage, "git-1", CancellationToken.None);
        return fixture;
    }

    public static RuntimeConfig Config() => new()
    {
        // Never the system default: praefect creates its data dir.
        DataDir = Path.GetTempPath(),
        VirtualStorages =
        [
            new VirtualStorageConfig
            {
                Name = VirtualStorage,
                Nodes =
                [
                    new NodeConfig { Storage = "git-1", Address = "tcp://127.0.0.1:1", Token = "t1", Primary = true },
                    new NodeConfig { Storage = "git-2", Address = "tcp://127.0.0.1:2", Token = "t2" },
                    new NodeConfig { Storage = "git-3", Address = "tcp://127.0.0.1:3", Token = "t3" },
                ],
            },
        ],
    };

    /// <summary>Records <paramref name="count"/> acknowledged writes to a repository on the current primary.</summary>
    public async Task WriteAsync(string relativePath, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            await Store.IncrementGenerationAsync(VirtualStorage, relativePath, Primary, CancellationToken.None);
        }
    }

    /// <summary>Replicates a repository to <paramref name="target"/> as the replicator would (a completed job).</summary>
    public async Task ReplicateAsync(string relativePath, string target)
    {
        var generations = await Store.GetGenerationsAsync(VirtualStorage, relativePath, CancellationToken.None);
        var ids = await Store.RecordPendingAsync([new JobRequest(VirtualStorage, relativePath, Primary, target, "test")], "test", CancellationToken.None);
        await Store.MarkReadyAsync(ids, CancellationToken.None);
        var job = await Store.DequeueAsync(VirtualStorage, target, "test-worker", TimeSpan.FromMinutes(1), CancellationToken.None)
            ?? throw new AssertionException($"no replication job for {relativePath} to {target}");
        await Store.CompleteAsync(job, "test-worker", generations!.Generation, CancellationToken.None);
    }

    public Task<FailoverResult> FailoverAsync(string target, bool force = false, double timeoutSeconds = 5, string? replacedPrimary = null) =>
        Coordinator.FailoverAsync(new FailoverOrder(VirtualStorage, target, force, TimeSpan.FromSeconds(timeoutSeconds), FailoverTriggers.Ctl, replacedPrimary), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Nodes.Dispose();
        await Store.DisposeAsync();
        _directory?.Dispose();
    }
}
