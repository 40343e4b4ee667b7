using Praefect.Datastore;
using Praefect.Server.Failover;

namespace Praefect.Server.Tests.Failover;

public sealed class DatalossCalculatorTests
{
    private static RepositoryGenerations Repo(string path, long generation, params (string Storage, long Held)[] storages) =>
        new("praefect", path, generation, storages.ToDictionary(s => s.Storage, s => s.Held));

    [Test]
    public void WouldLose_TargetUpToDateEverywhere_Empty()
    {
        var repositories = new[] { Repo("a.git", 3, ("git-1", 3), ("git-2", 3)), Repo("b.git", 1, ("git-1", 1), ("git-2", 1)) };

        Assert.That(DatalossCalculator.WouldLose(repositories, "git-2"), Is.Empty);
    }

    [Test]
    public void WouldLose_TargetBehindOrMissing_ListsThoseSortedWithGenerations()
    {
        var repositories = new[]
        {
            Repo("z.git", 5, ("git-1", 5), ("git-2", 3), ("git-3", 5)),
            Repo("ok.git", 2, ("git-1", 2), ("git-2", 2)),
            Repo("a.git", 1, ("git-1", 1)),
        };

        var lost = DatalossCalculator.WouldLose(repositories, "git-2");

        Assert.That(lost.Select(l => (l.RelativePath, l.LatestGeneration, l.TargetGeneration, l.Generations, string.Join(",", l.LatestStorages))), Is.EqualTo(new[]
        {
            ("a.git", 1L, 0L, 1L, "git-1"),
            ("z.git", 5L, 3L, 2L, "git-1,git-3"),
        }));
    }

    [Test]
    public void WouldLose_TargetAheadOfRecordedGeneration_NotLost()
    {
        // A storage never reports more than the repository generation, but if it does, nothing is lost.
        var repositories = new[] { Repo("a.git", 2, ("git-2", 4)) };

        Assert.That(DatalossCalculator.WouldLose(repositories, "git-2"), Is.Empty);
    }

    [Test]
    public void Choose_SecondaryUpToDateForMostRepositories_Wins()
    {
        var repositories = new[]
        {
            Repo("a.git", 2, ("git-1", 2), ("git-2", 1), ("git-3", 2)),
            Repo("b.git", 1, ("git-1", 1), ("git-2", 1), ("git-3", 1)),
            Repo("c.git", 4, ("git-1", 4), ("git-3", 4)),
        };

        Assert.That(FailoverCandidateSelector.Choose(["git-2", "git-3"], repositories), Is.EqualTo("git-3"));
    }

    [Test]
    public void Choose_Tie_FirstInConfigOrder()
    {
        var repositories = new[] { Repo("a.git", 1, ("git-2", 1), ("git-3", 1)) };

        Assert.That(FailoverCandidateSelector.Choose(["git-3", "git-2"], repositories), Is.EqualTo("git-3"));
    }

    [Test]
    public void Choose_NoHealthySecondary_Null()
    {
        Assert.That(FailoverCandidateSelector.Choose([], [Repo("a.git", 1, ("git-1", 1))]), Is.Null);
    }
}
