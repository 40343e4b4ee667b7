namespace Praefect.Datastore.Tests.Contract;

/// <summary>Repository assignments (set-replication-factor): rows per repository, the primary always kept, following removes and renames.</summary>
public abstract partial class DatastoreContract
{
    private static readonly string[] Three = ["gitaly-1", "gitaly-2", "gitaly-3"];

    private Task<IReadOnlyList<string>?> SetFactorAsync(string path, int factor, string primary = "gitaly-1") =>
        Store.SetReplicationFactorAsync("praefect", path, factor, primary, Three, CancellationToken.None);

    [Test]
    public async Task SetReplicationFactorAsync_UntrackedRepository_NullAndNothingRecorded()
    {
        Assert.That(await SetFactorAsync("missing.git", 2), Is.Null);
        Assert.That(await Store.GetAssignmentsAsync("praefect", "missing.git", CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task SetReplicationFactorAsync_LowerThenRaise_PrimaryAlwaysAssignedAndRowsRead()
    {
        await Store.IncrementGenerationAsync("praefect", "a.git", "gitaly-2", CancellationToken.None);
        Assert.That(await Store.GetAssignmentsAsync("praefect", "a.git", CancellationToken.None), Is.Empty, "no rows before: every storage is assigned");

        var one = await SetFactorAsync("a.git", 1, primary: "gitaly-2");
        var two = await SetFactorAsync("a.git", 2, primary: "gitaly-2");
        var generations = await Store.GetGenerationsAsync("praefect", "a.git", CancellationToken.None);
        var three = await SetFactorAsync("a.git", 3, primary: "gitaly-2");
        var backToTwo = await SetFactorAsync("a.git", 2, primary: "gitaly-2");

        Assert.That(one, Is.EqualTo(new[] { "gitaly-2" }));
        Assert.That(two, Has.Count.EqualTo(2).And.Contains("gitaly-2").And.Ordered);
        Assert.That(generations!.Assigned, Is.EqualTo(two));
        Assert.That(generations.AssignedStorages(Three, "gitaly-2"), Is.EqualTo(Three.Where(two!.Contains)));
        Assert.That(three, Is.EqualTo(Three));
        Assert.That(backToTwo, Has.Count.EqualTo(2).And.Contains("gitaly-2"));
        Assert.That(await Store.GetAssignmentsAsync("praefect", "a.git", CancellationToken.None), Is.EqualTo(backToTwo));
        Assert.That((await Store.GetAllGenerationsAsync("praefect", CancellationToken.None)).Single().Assigned, Is.EqualTo(backToTwo));
    }

    [Test]
    public async Task SetReplicationFactorAsync_RemoveThenRename_AssignmentsForgottenAndMoved()
    {
        await Store.IncrementGenerationAsync("praefect", "gone.git", "gitaly-1", CancellationToken.None);
        await Store.IncrementGenerationAsync("praefect", "old.git", "gitaly-1", CancellationToken.None);
        await SetFactorAsync("gone.git", 1);
        await SetFactorAsync("old.git", 1);

        await Store.RemoveRepositoryAsync("praefect", "gone.git", CancellationToken.None);
        await Store.RenameRepositoryAsync("praefect", "old.git", "new.git", CancellationToken.None);

        Assert.That(await Store.GetAssignmentsAsync("praefect", "gone.git", CancellationToken.None), Is.Empty);
        Assert.That(await Store.GetAssignmentsAsync("praefect", "old.git", CancellationToken.None), Is.Empty);
        Assert.That(await Store.GetAssignmentsAsync("praefect", "new.git", CancellationToken.None), Is.EqualTo(new[] { "gitaly-1" }));
    }
}
