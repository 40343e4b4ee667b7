namespace Praefect.Datastore.Tests.Contract;

/// <summary>Generations: raised per acknowledged mutator, copied by completed jobs.</summary>
public abstract partial class DatastoreContract
{
    [Test]
    public async Task IncrementGenerationAsync_TwoMutators_RaisesRepositoryAndPrimary()
    {
        Assert.That(await Store.IncrementGenerationAsync("praefect", "a.git", "gitaly-1", CancellationToken.None), Is.EqualTo(1));
        Assert.That(await Store.IncrementGenerationAsync("praefect", "a.git", "gitaly-1", CancellationToken.None), Is.EqualTo(2));

        Assert.That(await Store.GetStorageGenerationAsync("praefect", "a.git", "gitaly-1", CancellationToken.None), Is.EqualTo(2));
        Assert.That(await Store.GetStorageGenerationAsync("praefect", "a.git", "gitaly-2", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task IncrementGenerationAsync_CommittedStorages_RaisesExactlyThoseAndLeavesTheRestOutdated()
    {
        await Store.IncrementGenerationAsync("praefect", "t.git", ["gitaly-1", "gitaly-2", "gitaly-3"], CancellationToken.None);

        var generation = await Store.IncrementGenerationAsync("praefect", "t.git", ["gitaly-1", "gitaly-3"], CancellationToken.None);

        Assert.That(generation, Is.EqualTo(2));
        var all = await Store.GetGenerationsAsync("praefect", "t.git", CancellationToken.None);
        Assert.That(all!.Storages, Is.EquivalentTo(new Dictionary<string, long> { ["gitaly-1"] = 2, ["gitaly-2"] = 1, ["gitaly-3"] = 2 }));
        Assert.That(all.Outdated(["gitaly-1", "gitaly-2", "gitaly-3"]), Is.EqualTo(new[] { ("gitaly-2", 1L) }));
    }

    [Test]
    public async Task CompleteAsync_CopiedGeneration_RecordedOnTargetAndNeverLowered()
    {
        await ReadyAsync(Job());
        await Store.CompleteAsync((await DequeueAsync())!, "worker-1", 5, CancellationToken.None);
        Time.Advance(TimeSpan.FromMilliseconds(5));
        await ReadyAsync(Job());
        await Store.CompleteAsync((await DequeueAsync())!, "worker-1", 3, CancellationToken.None);

        Assert.That(await Store.GetStorageGenerationAsync("praefect", Job().RelativePath, "gitaly-2", CancellationToken.None), Is.EqualTo(5));
    }

    [Test]
    public async Task GetAllGenerationsAsync_ReplicaBehind_ReportedAsOutdated()
    {
        for (var i = 0; i < 3; i++)
        {
            await Store.IncrementGenerationAsync("praefect", "a.git", "gitaly-1", CancellationToken.None);
        }

        await Store.IncrementGenerationAsync("praefect", "b.git", "gitaly-1", CancellationToken.None);
        await Store.IncrementGenerationAsync("other", "c.git", "gitaly-9", CancellationToken.None);
        await ReadyAsync(Job("a.git"));
        await Store.CompleteAsync((await DequeueAsync())!, "worker-1", 1, CancellationToken.None);

        var all = await Store.GetAllGenerationsAsync("praefect", CancellationToken.None);

        Assert.That(all.Select(r => (r.RelativePath, r.Generation)), Is.EqualTo(new[] { ("a.git", 3L), ("b.git", 1L) }));
        Assert.That(all[0].Outdated(["gitaly-1", "gitaly-2", "gitaly-3"]), Is.EqualTo(new[] { ("gitaly-2", 2L), ("gitaly-3", 3L) }));
        Assert.That(all[1].Outdated(["gitaly-1"]), Is.Empty);
        Assert.That(await Store.GetAllGenerationsAsync(null, CancellationToken.None), Has.Count.EqualTo(3));
        Assert.That(await Store.GetGenerationsAsync("praefect", "missing.git", CancellationToken.None), Is.Null);
    }
}
