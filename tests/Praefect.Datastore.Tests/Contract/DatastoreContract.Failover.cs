using Praefect.Datastore.Failover;

namespace Praefect.Datastore.Tests.Contract;

/// <summary>Failover state: primary compare-and-swap, switch history, lost-writes marks and accept-dataloss.</summary>
public abstract partial class DatastoreContract
{
    private static PrimarySwitch Switch(string expected, string next, params LostWritesEntry[] lost) =>
        new("praefect", expected, next, "automatic", lost.Length > 0, "host-a/1", lost);

    [Test]
    public async Task EnsurePrimaryAsync_AlreadyRecorded_KeepsRecordedPrimary()
    {
        Assert.That(await Store.EnsurePrimaryAsync("praefect", "gitaly-1", CancellationToken.None), Is.EqualTo("gitaly-1"));

        Assert.That(await Open().EnsurePrimaryAsync("praefect", "gitaly-2", CancellationToken.None), Is.EqualTo("gitaly-1"));
    }

    [Test]
    public async Task SwitchPrimaryAsync_TwoPraefectsSameExpectedPrimary_OnlyOneSwitches()
    {
        await Store.EnsurePrimaryAsync("praefect", "gitaly-1", CancellationToken.None);
        var other = Open();

        var results = await Task.WhenAll(
            Store.SwitchPrimaryAsync(Switch("gitaly-1", "gitaly-2"), CancellationToken.None),
            other.SwitchPrimaryAsync(Switch("gitaly-1", "gitaly-3"), CancellationToken.None));

        Assert.That(results.Count(id => id is not null), Is.EqualTo(1));
        var switches = await Store.GetPrimarySwitchesAsync("praefect", CancellationToken.None);
        Assert.That(switches, Has.Count.EqualTo(1));
        Assert.That(await Store.GetPrimaryAsync("praefect", CancellationToken.None), Is.EqualTo(switches[0].NewPrimary));
    }

    [Test]
    public async Task SwitchPrimaryAsync_Forced_RecordsSwitchAndLostWrites()
    {
        await Store.EnsurePrimaryAsync("praefect", "gitaly-1", CancellationToken.None);
        await Store.IncrementGenerationAsync("praefect", "a.git", "gitaly-1", CancellationToken.None);

        var id = await Store.SwitchPrimaryAsync(Switch("gitaly-1", "gitaly-2", new LostWritesEntry("a.git", 1, 0)), CancellationToken.None);

        var record = (await Store.GetPrimarySwitchesAsync("praefect", CancellationToken.None)).Single();
        Assert.That((record.Id, record.PreviousPrimary, record.NewPrimary, record.Trigger, record.Forced, record.LostRepositories, record.CreatedAt),
            Is.EqualTo((id!.Value, "gitaly-1", "gitaly-2", "automatic", true, 1, Time.GetUtcNow())));
        var lost = await Store.GetLostWritesAsync("praefect", "gitaly-2", CancellationToken.None);
        Assert.That(lost, Is.EqualTo(new[] { new LostWritesRecord("praefect", "a.git", id.Value, 1, null, null, 0) }));
    }

    [Test]
    public async Task AcceptDatalossAsync_PrimaryAuthoritative_ReleasesAtOnce()
    {
        await Store.EnsurePrimaryAsync("praefect", "gitaly-1", CancellationToken.None);
        await Store.IncrementGenerationAsync("praefect", "a.git", "gitaly-1", CancellationToken.None);
        await Store.SwitchPrimaryAsync(Switch("gitaly-1", "gitaly-2", new LostWritesEntry("a.git", 1, 0)), CancellationToken.None);

        var generation = await Store.AcceptDatalossAsync("praefect", "a.git", "gitaly-2", releaseNow: true, CancellationToken.None);

        Assert.That(generation, Is.EqualTo(2));
        Assert.That(await Store.GetLostWritesAsync("praefect", "gitaly-2", CancellationToken.None), Is.Empty);
        Assert.That(await Store.GetStorageGenerationAsync("praefect", "a.git", "gitaly-2", CancellationToken.None), Is.EqualTo(2));
    }

    [Test]
    public async Task AcceptDatalossAsync_SecondaryAuthoritative_MarkedUntilPrimaryCatchesUp()
    {
        await Store.EnsurePrimaryAsync("praefect", "gitaly-1", CancellationToken.None);
        await Store.IncrementGenerationAsync("praefect", "a.git", "gitaly-1", CancellationToken.None);
        var id = await Store.SwitchPrimaryAsync(Switch("gitaly-1", "gitaly-2", new LostWritesEntry("a.git", 1, 0)), CancellationToken.None);

        await Store.AcceptDatalossAsync("praefect", "a.git", "gitaly-1", releaseNow: false, CancellationToken.None);

        var lost = await Store.GetLostWritesAsync("praefect", "gitaly-2", CancellationToken.None);
        Assert.That(lost, Is.EqualTo(new[] { new LostWritesRecord("praefect", "a.git", id!.Value, 1, "gitaly-1", 2, 0) }));
        Assert.That(lost[0].PrimaryCaughtUp, Is.False);
        await ReadyAsync(new JobRequest("praefect", "a.git", "gitaly-1", "gitaly-2", "accept-dataloss"));
        await Store.CompleteAsync((await DequeueAsync("gitaly-2"))!, "worker-1", 2, CancellationToken.None);
        Assert.That((await Store.GetLostWritesAsync("praefect", "gitaly-2", CancellationToken.None))[0].PrimaryCaughtUp, Is.True);
        await Store.ReleaseLostWritesAsync("praefect", "a.git", CancellationToken.None);
        Assert.That(await Store.GetLostWritesAsync("praefect", "gitaly-2", CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task AcceptDatalossAsync_UnknownRepository_Null()
    {
        Assert.That(await Store.AcceptDatalossAsync("praefect", "none.git", "gitaly-1", releaseNow: true, CancellationToken.None), Is.Null);
    }
}
