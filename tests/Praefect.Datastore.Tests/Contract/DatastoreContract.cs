using Praefect.Datastore.Tests.Support;

namespace Praefect.Datastore.Tests.Contract;

/// <summary>
/// The behaviour every backend must have. Each backend derives one fixture that supplies a fresh,
/// empty database per test; the clock is manual so leases and backoff never need a wait.
/// </summary>
public abstract partial class DatastoreContract
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly RetryPolicy Policy = new(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));

    private readonly List<IDatastore> _opened = [];

    internal ManualTimeProvider Time { get; private set; } = null!;

    protected IDatastore Store { get; private set; } = null!;

    protected abstract string ExpectedBackend { get; }

    /// <summary>Creates the fresh database of this test.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Removes it (after every store was disposed).</summary>
    protected abstract Task DropDatabaseAsync();

    /// <summary>A new store on this test's database (a second praefect, or a restart).</summary>
    protected abstract IDatastore NewStore(TimeProvider time);

    protected IDatastore Open(TimeProvider? time = null)
    {
        var store = NewStore(time ?? Time);
        _opened.Add(store);
        return store;
    }

    [SetUp]
    public async Task CreateStore()
    {
        Time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await CreateDatabaseAsync();
        Store = Open();
        await Store.MigrateAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task DisposeStores()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        _opened.Clear();
        await DropDatabaseAsync();
    }

    protected static JobRequest Job(string path = "@hashed/aa/bb.git", string target = "gitaly-2", string virtualStorage = "praefect") =>
        new(virtualStorage, path, "gitaly-1", target, "/gitaly.SSHService/SSHReceivePack");

    protected async Task<long> ReadyAsync(JobRequest job)
    {
        var ids = await Store.RecordPendingAsync([job], "instance-a", CancellationToken.None);
        await Store.MarkReadyAsync(ids, CancellationToken.None);
        return ids[0];
    }

    protected Task<ReplicationJob?> DequeueAsync(string target = "gitaly-2", string owner = "worker-1", IDatastore? store = null) =>
        (store ?? Store).DequeueAsync("praefect", target, owner, Lease, CancellationToken.None);

    protected async Task<ReplicationJob> GetAsync(long id) =>
        await Store.GetJobAsync(id, CancellationToken.None) ?? throw new AssertionException($"job {id} not found");

    [Test]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        var again = await Open().MigrateAsync(CancellationToken.None);

        Assert.That(again.Applied, Is.Empty);
        Assert.That(again.AlreadyApplied, Is.EqualTo(new[] { "0001_replication_queue", "0002_generations_and_primaries", "0010_failover", "0011_remove_and_rename", "0012_replication_correlation_id", "0013_repository_assignments" }));
    }

    [Test]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigrationInOrder()
    {
        await DropDatabaseAsync();
        await CreateDatabaseAsync();

        var result = await Open().MigrateAsync(CancellationToken.None);

        Assert.That(result.Applied, Is.EqualTo(new[] { "0001_replication_queue", "0002_generations_and_primaries", "0010_failover", "0011_remove_and_rename", "0012_replication_correlation_id", "0013_repository_assignments" }));
        Assert.That(result.AlreadyApplied, Is.Empty);
    }

    [Test]
    public async Task MigrateAsync_TwoProcessesAtOnce_BothSucceedAndApplyOnce()
    {
        await DropDatabaseAsync();
        await CreateDatabaseAsync();

        var results = await Task.WhenAll(Open().MigrateAsync(CancellationToken.None), Open().MigrateAsync(CancellationToken.None));

        Assert.That(results.Sum(r => r.Applied.Count), Is.EqualTo(6));
    }

    [Test]
    public async Task PingAsync_Reachable_ReturnsServerVersion()
    {
        var version = await Store.PingAsync(CancellationToken.None);

        Assert.That(Store.Backend, Is.EqualTo(ExpectedBackend));
        Assert.That(version, Does.StartWith(ExpectedBackend == "sqlite" ? "SQLite 3." : "PostgreSQL 15"));
    }

    [Test]
    public async Task SetPrimaryAsync_Twice_LastOneIsRecorded()
    {
        Assert.That(await Store.GetPrimaryAsync("praefect", CancellationToken.None), Is.Null);

        await Store.SetPrimaryAsync("praefect", "gitaly-1", CancellationToken.None);
        await Store.SetPrimaryAsync("praefect", "gitaly-2", CancellationToken.None);

        Assert.That(await Store.GetPrimaryAsync("praefect", CancellationToken.None), Is.EqualTo("gitaly-2"));
        Assert.That(await Store.GetPrimaryAsync("other", CancellationToken.None), Is.Null);
    }
}
