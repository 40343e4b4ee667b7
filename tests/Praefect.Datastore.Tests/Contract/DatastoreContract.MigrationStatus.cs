namespace Praefect.Datastore.Tests.Contract;

public abstract partial class DatastoreContract
{
    [Test]
    public async Task GetMigrationStatusAsync_Migrated_EveryMigrationWithItsTime()
    {
        var status = await Store.GetMigrationStatusAsync(CancellationToken.None);

        Assert.That(status.Select(s => (s.Name, s.AppliedAt, s.Unknown)), Is.EqualTo(new[]
        {
            ("0001_replication_queue", (DateTimeOffset?)Time.GetUtcNow(), false),
            ("0002_generations_and_primaries", (DateTimeOffset?)Time.GetUtcNow(), false),
            ("0010_failover", (DateTimeOffset?)Time.GetUtcNow(), false),
            ("0011_remove_and_rename", (DateTimeOffset?)Time.GetUtcNow(), false),
            ("0012_replication_correlation_id", (DateTimeOffset?)Time.GetUtcNow(), false),
            ("0013_repository_assignments", (DateTimeOffset?)Time.GetUtcNow(), false),
        }));
    }

    [Test]
    public async Task GetMigrationStatusAsync_FreshDatabase_NoneApplied()
    {
        await DropDatabaseAsync();
        await CreateDatabaseAsync();

        var status = await Open().GetMigrationStatusAsync(CancellationToken.None);

        Assert.That(status.Select(s => (s.Name, s.AppliedAt)), Is.EqualTo(new[]
        {
            ("0001_replication_queue", (DateTimeOffset?)null),
            ("0002_generations_and_primaries", (DateTimeOffset?)null),
            ("0010_failover", (DateTimeOffset?)null),
            ("0011_remove_and_rename", (DateTimeOffset?)null),
            ("0012_replication_correlation_id", (DateTimeOffset?)null),
            ("0013_repository_assignments", (DateTimeOffset?)null),
        }));
    }
}
