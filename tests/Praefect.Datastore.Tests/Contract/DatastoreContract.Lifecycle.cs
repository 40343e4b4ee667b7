namespace Praefect.Datastore.Tests.Contract;

/// <summary>Removes and renames: generations and queued jobs follow the repository.</summary>
public abstract partial class DatastoreContract
{
    [Test]
    public async Task RemoveRepositoryAsync_QueuedJobs_CancelledExceptTheRemoveAndGenerationsForgotten()
    {
        await Store.IncrementGenerationAsync("praefect", "gone.git", "gitaly-1", CancellationToken.None);
        var copy = await ReadyAsync(Job("gone.git"));
        var remove = await ReadyAsync(Job("gone.git") with { ChangeType = ChangeTypes.Delete });
        var other = await ReadyAsync(Job("kept.git"));

        var cancelled = await Store.RemoveRepositoryAsync("praefect", "gone.git", CancellationToken.None);

        Assert.That(cancelled, Is.EqualTo(1));
        Assert.That(await Store.GetGenerationsAsync("praefect", "gone.git", CancellationToken.None), Is.Null);
        var copyJob = (await Store.GetJobAsync(copy, CancellationToken.None))!;
        Assert.That((copyJob.State, copyJob.LastError), Is.EqualTo((JobState.Completed, "cancelled: the repository was removed")));
        Assert.That((await Store.GetJobAsync(remove, CancellationToken.None))!.State, Is.EqualTo(JobState.Ready));
        Assert.That((await Store.GetJobAsync(other, CancellationToken.None))!.State, Is.EqualTo(JobState.Ready));
        var next = await DequeueAsync();
        Assert.That(next!.ChangeType, Is.EqualTo(ChangeTypes.Delete), "only the remove is left to run for gone.git");
    }

    [Test]
    public async Task RenameRepositoryAsync_GenerationsAndQueuedCopiesMove_TheRenameJobKeepsItsPaths()
    {
        await Store.IncrementGenerationAsync("praefect", "old.git", "gitaly-1", CancellationToken.None);
        await Store.IncrementGenerationAsync("praefect", "old.git", "gitaly-1", CancellationToken.None);
        var copy = await ReadyAsync(Job("old.git"));
        var rename = await ReadyAsync(Job("old.git") with { ChangeType = ChangeTypes.Rename, NewRelativePath = "new.git" });

        await Store.RenameRepositoryAsync("praefect", "old.git", "new.git", CancellationToken.None);

        Assert.That(await Store.GetGenerationsAsync("praefect", "old.git", CancellationToken.None), Is.Null);
        Assert.That((await Store.GetGenerationsAsync("praefect", "new.git", CancellationToken.None))!.Generation, Is.EqualTo(2));
        Assert.That(await Store.GetStorageGenerationAsync("praefect", "new.git", "gitaly-1", CancellationToken.None), Is.EqualTo(2));
        Assert.That((await Store.GetJobAsync(copy, CancellationToken.None))!.RelativePath, Is.EqualTo("new.git"));
        var renameJob = (await Store.GetJobAsync(rename, CancellationToken.None))!;
        Assert.That((renameJob.RelativePath, renameJob.NewRelativePath, renameJob.ChangeType), Is.EqualTo(("old.git", "new.git", ChangeTypes.Rename)));
    }

    [Test]
    public async Task CompleteAsync_ACopy_DoesNotCollapseAQueuedRemove()
    {
        await ReadyAsync(Job("collapse.git"));
        var remove = await ReadyAsync(Job("collapse.git") with { ChangeType = ChangeTypes.Delete });
        Time.Advance(TimeSpan.FromMilliseconds(5));

        var copy = await DequeueAsync();
        Assert.That(copy!.ChangeType, Is.Not.EqualTo(ChangeTypes.Delete));
        await Store.CompleteAsync(copy, "worker-1", null, CancellationToken.None);

        Assert.That((await Store.GetJobAsync(remove, CancellationToken.None))!.State, Is.EqualTo(JobState.Ready));
    }
}
