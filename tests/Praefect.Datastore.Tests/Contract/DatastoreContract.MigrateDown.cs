namespace Praefect.Datastore.Tests.Contract;

/// <summary>sql-migrate-down's datastore side: down steps newest first, all or none, and back up again.</summary>
public abstract partial class DatastoreContract
{
    [Test]
    public async Task PlanMigrateDownAsync_Two_NewestFirstNothingChanged()
    {
        var plan = await Store.PlanMigrateDownAsync(2, CancellationToken.None);

        Assert.That(plan, Is.EqualTo(new[] { "0013_repository_assignments", "0012_replication_correlation_id" }));
        Assert.That((await Store.GetMigrationStatusAsync(CancellationToken.None)).All(s => s.AppliedAt is not null), Is.True);
    }

    [Test]
    public async Task MigrateDownAsync_Every_SchemaGoneThenMigratesAgainWithData()
    {
        var rolledBack = await Store.MigrateDownAsync(100, CancellationToken.None);
        var after = await Store.GetMigrationStatusAsync(CancellationToken.None);
        var again = await Store.MigrateAsync(CancellationToken.None);
        var id = await ReadyAsync(Job() with { CorrelationId = "corr-1" });

        Assert.That(rolledBack, Is.EqualTo(new[]
        {
            "0013_repository_assignments", "0012_replication_correlation_id", "0011_remove_and_rename", "0010_failover", "0002_generations_and_primaries", "0001_replication_queue",
        }));
        Assert.That(after.Where(s => s.AppliedAt is not null), Is.Empty);
        Assert.That(again.Applied, Has.Count.EqualTo(6));
        Assert.That((await GetAsync(id)).CorrelationId, Is.EqualTo("corr-1"));
    }

    [Test]
    public async Task MigrateDownAsync_Two_DropsTheCorrelationColumnAndKeepsJobs()
    {
        var id = await ReadyAsync(Job());

        var rolledBack = await Store.MigrateDownAsync(2, CancellationToken.None);
        var status = await Store.GetMigrationStatusAsync(CancellationToken.None);
        await Store.MigrateAsync(CancellationToken.None);

        Assert.That(rolledBack, Is.EqualTo(new[] { "0013_repository_assignments", "0012_replication_correlation_id" }));
        Assert.That(status.Single(s => s.Name == "0012_replication_correlation_id").AppliedAt, Is.Null);
        Assert.That((await GetAsync(id)).CorrelationId, Is.Null);
    }

    [Test]
    public async Task RecordPendingAsync_CorrelationId_KeptThroughReadyAndDequeue()
    {
        await ReadyAsync(Job() with { CorrelationId = "01HXYZ" });

        var job = await DequeueAsync();

        Assert.That(job?.CorrelationId, Is.EqualTo("01HXYZ"));
    }

    [Test]
    public async Task DeleteRepositoryJobsAsync_OneRunning_DeletesTheOthersCountsIt()
    {
        await ReadyAsync(Job(path: "a.git"));
        await ReadyAsync(Job(path: "a.git", target: "gitaly-3"));
        var other = await ReadyAsync(Job(path: "b.git"));
        var running = await Store.DequeueAsync("praefect", "gitaly-3", "worker-1", Lease, CancellationToken.None);

        var stillRunning = await Store.DeleteRepositoryJobsAsync("praefect", "a.git", CancellationToken.None);

        Assert.That(stillRunning, Is.EqualTo(1));
        Assert.That(running?.RelativePath, Is.EqualTo("a.git"));
        Assert.That(await Store.GetJobAsync(other, CancellationToken.None), Is.Not.Null);
        Assert.That((await Store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None)).Select(j => j.RelativePath), Is.EqualTo(new[] { "b.git" }));
    }
}
