using Praefect.Datastore.Sqlite;
using Praefect.Datastore.Tests.Support;

namespace Praefect.Datastore.Tests.Sqlite;

/// <summary>
/// A SQLite file that exists but is empty, truncated, garbage, or left by an unclean stop without its
/// write-ahead log is refused with the file named and the recovery command; the intact crash snapshot keeps every job.
/// </summary>
[TestFixture]
public sealed class SqliteFileRefusalTests
{
    private const int QueuedJobs = 9;

    private TempDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TempDirectory();

    [TearDown]
    public void RemoveDirectory()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private string DatabasePath(string name) => Path.Combine(_directory.Path, name, DatastoreFactory.SqliteFileName);

    /// <summary>A datastore with queued jobs, copied as a kill -9 leaves it (connections still open, WAL not checkpointed).</summary>
    private async Task<string> CrashSnapshotAsync(string name)
    {
        var live = DatabasePath("live-" + name);
        var store = DatastoreFactory.CreateSqlite(live);
        await store.MigrateAsync(CancellationToken.None);
        var jobs = Enumerable.Range(0, QueuedJobs).Select(i => new JobRequest("praefect", $"repo-{i}.git", "gitaly-1", "gitaly-2", "update")).ToList();
        await store.MarkReadyAsync(await store.RecordPendingAsync(jobs, "praefect-a", CancellationToken.None), CancellationToken.None);
        Assert.That(File.Exists(live + "-wal"), Is.True, "the live datastore has a write-ahead log");

        var snapshot = DatabasePath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Copy(live + suffix, snapshot + suffix);
        }

        await store.DisposeAsync();
        return snapshot;
    }

    private static async Task<DatastoreException> RefusedAsync(string path)
    {
        await using var store = DatastoreFactory.CreateSqlite(path);
        return Assert.ThrowsAsync<DatastoreException>(() => store.MigrateAsync(CancellationToken.None))!;
    }

    private static async Task<int> QueuedAsync(string path)
    {
        await using var store = DatastoreFactory.CreateSqlite(path);
        await store.MigrateAsync(CancellationToken.None);
        return (int)(await store.GetQueueStatusAsync(CancellationToken.None)).Where(s => s.State == JobState.Ready).Sum(s => s.Count);
    }

    [Test]
    public async Task Open_IntactCrashSnapshot_EveryQueuedJobKept()
    {
        var path = await CrashSnapshotAsync("intact");

        Assert.That(await QueuedAsync(path), Is.EqualTo(QueuedJobs));
    }

    [Test]
    public async Task Open_EmptyFile_RefusedNamingTheFileAndTheRecovery()
    {
        var path = DatabasePath("empty");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, []);

        var refused = await RefusedAsync(path);

        Assert.That(refused.Message, Does.StartWith($"the SQLite datastore {path} is empty (0 bytes); refusing"));
        Assert.That(refused.Message, Does.Contain("`praefect-ctl sql-migrate --init`"));
        Assert.That(refused.Message, Does.Not.Contain("\n"));
        Assert.That(new FileInfo(path).Length, Is.Zero, "the refused file is left as it was");
    }

    [Test]
    public async Task Open_TruncatedFile_Refused()
    {
        var path = await CrashSnapshotAsync("truncated");
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        await using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2 + 100);
        }

        Assert.That((await RefusedAsync(path)).Message, Does.StartWith($"the SQLite datastore {path} is truncated ("));
    }

    [Test]
    public async Task Open_GarbageFile_Refused()
    {
        var path = DatabasePath("garbage");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "this is not a database, it is a note someone left here\n");

        Assert.That((await RefusedAsync(path)).Message, Does.StartWith($"the SQLite datastore {path} is not a SQLite database"));
    }

    [Test]
    public async Task Open_WalDeletedAfterUncleanStop_Refused()
    {
        var path = await CrashSnapshotAsync("wal-missing");
        File.Delete(path + "-wal");

        Assert.That((await RefusedAsync(path)).Message, Does.Contain($"{path} was not closed cleanly and its write-ahead log praefect.db-wal is missing"));
    }

    [Test]
    public async Task MoveAside_RefusedFile_FreshDatastoreThenOpens()
    {
        var path = await CrashSnapshotAsync("recover");
        File.Delete(path + "-wal");

        var moved = SqliteFileCheck.MoveAside(path, new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));

        Assert.That(moved, Is.EqualTo(new[] { path + ".broken-20261202T010000Z", path + "-shm.broken-20261202T010000Z" }));
        Assert.That(await QueuedAsync(path), Is.Zero);
    }
}
