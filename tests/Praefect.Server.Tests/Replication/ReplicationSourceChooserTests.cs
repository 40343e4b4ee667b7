using Praefect.Datastore;
using Praefect.Server.Replication;

namespace Praefect.Server.Tests.Replication;

/// <summary>Which replica a job copies from, from the recorded generations (never backwards).</summary>
[TestFixture]
public sealed class ReplicationSourceChooserTests
{
    private static readonly string[] Storages = ["gitaly-1", "gitaly-2", "gitaly-3"];

    private static ReplicationJob Job(string source, string target) => new(
        1, "praefect", "repo.git", source, target, "update", JobState.InProgress, 0, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "worker", null, null);

    private static RepositoryGenerations Generations(long latest, params (string Storage, long Held)[] held) =>
        new("praefect", "repo.git", latest, held.ToDictionary(h => h.Storage, h => h.Held));

    private static ReplicationSourcePlan Choose(ReplicationJob job, RepositoryGenerations? generations, params string[] unhealthy) =>
        ReplicationSourceChooser.Choose(job, generations, Storages, storage => !unhealthy.Contains(storage));

    [Test]
    public void Choose_NoGenerationRecorded_JobsOwnSource()
    {
        var plan = Choose(Job("gitaly-1", "gitaly-2"), null);

        Assert.That(plan, Is.TypeOf<ReplicationSourcePlan.Copy>());
        Assert.That(((ReplicationSourcePlan.Copy)plan).Candidates, Is.EqualTo(new[] { ("gitaly-1", (long?)null) }));
    }

    [Test]
    public void Choose_SourceHoldsLatest_SourceFirstThenOtherUpToDateReplicas()
    {
        var plan = (ReplicationSourcePlan.Copy)Choose(Job("gitaly-3", "gitaly-2"), Generations(4, ("gitaly-1", 4), ("gitaly-2", 2), ("gitaly-3", 4)));

        Assert.That((plan.Candidates, plan.Latest), Is.EqualTo((new[] { ("gitaly-3", (long?)4), ("gitaly-1", (long?)4) }, true)));
    }

    [Test]
    public void Choose_OldPrimaryReturnedBehindTheTarget_NeverUsedAndTargetAtLatestIsUpToDate()
    {
        // Forced failover to gitaly-2, which then took writes; gitaly-1 came back with older data and an old queued job.
        var plan = Choose(Job("gitaly-1", "gitaly-2"), Generations(7, ("gitaly-1", 5), ("gitaly-2", 7), ("gitaly-3", 3)));

        Assert.That(plan, Is.EqualTo(new ReplicationSourcePlan.UpToDate(7)));
    }

    [Test]
    public void Choose_OldPrimaryBehindTheLatest_ResourcedToTheReplicaHoldingIt()
    {
        var plan = (ReplicationSourcePlan.Copy)Choose(Job("gitaly-1", "gitaly-3"), Generations(7, ("gitaly-1", 5), ("gitaly-2", 7), ("gitaly-3", 3)));

        Assert.That((plan.Candidates, plan.Latest), Is.EqualTo((new[] { ("gitaly-2", (long?)7) }, true)));
    }

    [Test]
    public void Choose_UpToDateReplicaUnhealthy_NewestReplicaAheadOfTargetNotCoveringLatest()
    {
        var plan = (ReplicationSourcePlan.Copy)Choose(Job("gitaly-1", "gitaly-3"), Generations(7, ("gitaly-1", 5), ("gitaly-2", 7), ("gitaly-3", 3)), "gitaly-2");

        Assert.That((plan.Candidates, plan.Latest), Is.EqualTo((new[] { ("gitaly-1", (long?)5) }, false)));
    }

    [Test]
    public void Choose_NoHealthyReplicaAheadOfTarget_WaitsNamingWhoHoldsTheLatest()
    {
        var plan = Choose(Job("gitaly-1", "gitaly-3"), Generations(7, ("gitaly-1", 3), ("gitaly-2", 7), ("gitaly-3", 3)), "gitaly-2");

        Assert.That(plan, Is.TypeOf<ReplicationSourcePlan.Wait>());
        Assert.That(((ReplicationSourcePlan.Wait)plan).Reason, Does.Contain("generation 3, latest 7 held by \"gitaly-2\", unhealthy"));
    }

    [Test]
    public void Choose_SourceEqualToTargetAtLatest_CopiesAnyway()
    {
        // A mutator that failed on the primary does not raise the generation but may have changed refs: copy them.
        var plan = (ReplicationSourcePlan.Copy)Choose(Job("gitaly-1", "gitaly-2"), Generations(2, ("gitaly-1", 2), ("gitaly-2", 2)));

        Assert.That(plan.Candidates[0], Is.EqualTo(("gitaly-1", (long?)2)));
    }

    [Test]
    public void Choose_TargetAtLatestAndJobSourceUnhealthy_UpToDateRatherThanCopyFromAnotherReplica()
    {
        // An old job to what is now the primary: a copy from another replica could overwrite a write landing on it.
        var plan = Choose(Job("gitaly-1", "gitaly-2"), Generations(4, ("gitaly-1", 3), ("gitaly-2", 4), ("gitaly-3", 4)));

        Assert.That(plan, Is.TypeOf<ReplicationSourcePlan.UpToDate>());
    }
}
