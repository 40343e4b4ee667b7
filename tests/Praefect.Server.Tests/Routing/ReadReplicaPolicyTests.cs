using Praefect.Datastore;
using Praefect.Server.Routing;

namespace Praefect.Server.Tests.Routing;

public class ReadReplicaPolicyTests
{
    private static readonly string[] Storages = ["git-1", "git-2", "git-3"];

    private static RepositoryGenerations Generations(long generation, params (string Storage, long Held)[] held) =>
        new("praefect", "a.git", generation, held.ToDictionary(h => h.Storage, h => h.Held));

    [Test]
    public void Candidates_AllUpToDateAndHealthy_AllNodes()
    {
        var candidates = ReadReplicaPolicy.Candidates("git-1", Storages, Generations(3, ("git-1", 3), ("git-2", 3), ("git-3", 3)), _ => true);
        Assert.That(candidates, Is.EqualTo(Storages));
    }

    [Test]
    public void Candidates_SecondaryBehind_Excluded()
    {
        var candidates = ReadReplicaPolicy.Candidates("git-1", Storages, Generations(3, ("git-1", 3), ("git-2", 2), ("git-3", 3)), _ => true);
        Assert.That(candidates, Is.EqualTo(new[] { "git-1", "git-3" }));
    }

    [Test]
    public void Candidates_SecondaryWithoutCopy_Excluded()
    {
        var candidates = ReadReplicaPolicy.Candidates("git-1", Storages, Generations(1, ("git-1", 1)), _ => true);
        Assert.That(candidates, Is.EqualTo(new[] { "git-1" }));
    }

    [Test]
    public void Candidates_UpToDateButUnhealthy_Excluded()
    {
        var candidates = ReadReplicaPolicy.Candidates("git-1", Storages, Generations(2, ("git-1", 2), ("git-2", 2), ("git-3", 2)), s => s != "git-2");
        Assert.That(candidates, Is.EqualTo(new[] { "git-1", "git-3" }));
    }

    [Test]
    public void Candidates_NoGenerationRecorded_PrimaryOnly()
    {
        Assert.That(ReadReplicaPolicy.Candidates("git-1", Storages, null, _ => true), Is.EqualTo(new[] { "git-1" }));
        Assert.That(ReadReplicaPolicy.Candidates("git-1", Storages, null, _ => false), Is.Empty);
    }

    [Test]
    public void Candidates_UpToDateButNotAssigned_Excluded()
    {
        var generations = Generations(2, ("git-1", 2), ("git-2", 2), ("git-3", 2)) with { Assigned = ["git-1", "git-3"] };
        var candidates = ReadReplicaPolicy.Candidates("git-1", Storages, generations, _ => true);
        Assert.That(candidates, Is.EqualTo(new[] { "git-1", "git-3" }));
    }
}
