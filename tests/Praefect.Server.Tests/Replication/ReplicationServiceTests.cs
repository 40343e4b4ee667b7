using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>The scheduler and the replicator together, as praefect runs them, on real gitaly-lite nodes.</summary>
[TestFixture]
public sealed class ReplicationServiceTests
{
    private static readonly TimeSpan Converge = Wait.Converge;

    private static Task<IReadOnlyList<ReplicationJob>> JobsAsync(ReplicationTestCluster cluster, JobState state) =>
        cluster.Store.GetJobsAsync(state, 1000, CancellationToken.None);

    private static Task WaitForNoOpenJobsAsync(ReplicationTestCluster cluster) =>
        Wait.UntilAsync(async () =>
        {
            var status = await cluster.Store.GetQueueStatusAsync(CancellationToken.None);
            return status.All(s => s.State is JobState.Completed or JobState.Dead);
        }, Converge, "every replication job to be completed or dead");

    [Test]
    public async Task Mutators_ThreeNodes_EverySecondaryConvergesWithThePrimaryGeneration()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 3);
        await cluster.StartReplicatorAsync();

        for (var round = 0; round < 3; round++)
        {
            await cluster.MutateAsync("a.git", commits: 2);
            await cluster.MutateAsync("b.git", commits: 1);
        }

        await cluster.WaitForConvergenceAsync("a.git", Converge);
        await cluster.WaitForConvergenceAsync("b.git", Converge);
        await WaitForNoOpenJobsAsync(cluster);
        var generations = await cluster.Store.GetGenerationsAsync("praefect", "a.git", CancellationToken.None);
        Assert.That(generations!.Generation, Is.EqualTo(3));
        Assert.That(generations.Outdated(["gitaly-1", "gitaly-2", "gitaly-3"]), Is.Empty);
        Assert.That(await JobsAsync(cluster, JobState.Dead), Is.Empty);
    }

    [Test]
    public async Task Mutator_ReplicationFactorTwoOfThree_ReplicatesOnlyToTheAssignedSecondary()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 3);
        await cluster.StartReplicatorAsync();
        await cluster.MutateAsync("assigned.git", commits: 1);
        await cluster.WaitForConvergenceAsync("assigned.git", Converge);
        await WaitForNoOpenJobsAsync(cluster);
        var storages = cluster.Nodes.Select(n => n.Storage).ToList();
        var assigned = await cluster.Store.SetReplicationFactorAsync(ReplicationTestCluster.VirtualStorage, "assigned.git", 2, cluster.Primary.Storage, storages, CancellationToken.None);
        var secondary = cluster.Nodes.Single(n => n.Storage != cluster.Primary.Storage && assigned!.Contains(n.Storage));
        var unassigned = cluster.Nodes.Single(n => !assigned!.Contains(n.Storage));
        var before = await cluster.ChecksumAsync(unassigned, "assigned.git");

        await cluster.MutateAsync("assigned.git", commits: 2);

        var expected = await cluster.ChecksumAsync(cluster.Primary, "assigned.git");
        await Wait.UntilAsync(async () => await cluster.ChecksumAsync(secondary, "assigned.git") == expected, Converge,
            $"the assigned secondary {secondary.Storage} to match the primary's checksum");
        await WaitForNoOpenJobsAsync(cluster);
        Assert.That(await cluster.ChecksumAsync(unassigned, "assigned.git"), Is.EqualTo(before).And.Not.EqualTo(expected), "the unassigned storage was not written to");
        var second = (await JobsAsync(cluster, JobState.Completed)).Where(j => j.RelativePath == "assigned.git").OrderBy(j => j.Id).Skip(2).ToList();
        Assert.That(second.Select(j => j.TargetStorage), Is.EqualTo(new[] { secondary.Storage }), "the write's only job targets the assigned secondary");
        var generations = await cluster.Store.GetGenerationsAsync(ReplicationTestCluster.VirtualStorage, "assigned.git", CancellationToken.None);
        Assert.That(generations!.Outdated(storages), Is.EqualTo(new[] { (unassigned.Storage, 1L) }));
        Assert.That(generations.Outdated(generations.AssignedStorages(storages, cluster.Primary.Storage)), Is.Empty, "dataloss counts only the assigned storages");
    }

    [Test]
    public async Task Mutator_ClientCorrelationId_KeptOnTheJobAndSentToTheSecondary()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 2);
        await cluster.StartReplicatorAsync();

        // What CallObserverMiddleware sets for the client call that runs the mutator.
        Praefect.Server.Logging.Correlation.Current = "corr-client-17";
        try
        {
            await cluster.MutateAsync("correlated.git", commits: 1);
        }
        finally
        {
            Praefect.Server.Logging.Correlation.Current = null;
        }

        await cluster.WaitForConvergenceAsync("correlated.git", Converge);
        await WaitForNoOpenJobsAsync(cluster);
        var job = (await JobsAsync(cluster, JobState.Completed)).Single(j => j.RelativePath == "correlated.git");
        Assert.That(job.CorrelationId, Is.EqualTo("corr-client-17"));

        // The job's call to the secondary carried it: gitaly-lite writes it on the line of that call.
        await Wait.UntilAsync(() => SecondaryLines(cluster).Any(), Converge, "the secondary's log line of the job's ReplicateRepository");
        Assert.That(SecondaryLines(cluster).First(), Does.Contain("\"correlation_id\":\"corr-client-17\""));
    }

    private static IEnumerable<string> SecondaryLines(ReplicationTestCluster cluster) =>
        cluster.Nodes[1].Process!.Lines.Where(l => l.Contains("ReplicateRepository", StringComparison.Ordinal) && l.Contains("correlated.git", StringComparison.Ordinal));

    [Test]
    public async Task Mutator_SecondaryDownThenUp_ConvergesWithoutCountingAttempts()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 2);
        await cluster.StartReplicatorAsync();
        await cluster.Nodes[1].StopAsync();

        await cluster.MutateAsync("down.git", commits: 2);
        await Wait.UntilAsync(async () => (await cluster.Store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None)).Any(j => j.LastError is not null),
            Converge, "the job to wait for the unreachable secondary");
        await cluster.Nodes[1].StartAsync();

        await cluster.WaitForConvergenceAsync("down.git", Converge);
        await WaitForNoOpenJobsAsync(cluster);
        var completed = await JobsAsync(cluster, JobState.Completed);
        Assert.That(completed.Select(j => j.Attempts), Is.All.Zero);
        Assert.That(await JobsAsync(cluster, JobState.Dead), Is.Empty);
    }

    [Test]
    public async Task Mutator_TargetKeepsFailing_JobGoesDeadWithLastError()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 2);
        await cluster.StartReplicatorAsync();

        // A mutator that failed before it created anything: the source has no repository to fetch.
        var ticket = await cluster.Scheduler.BeginMutatorAsync("praefect", "missing.git", "gitaly-1", "/gitaly.RepositoryService/CreateRepository", CancellationToken.None);
        await ticket.CompleteAsync(false, CancellationToken.None);

        await Wait.UntilAsync(async () => (await JobsAsync(cluster, JobState.Dead)).Count == 1, Converge, "the job to go dead");
        var dead = (await JobsAsync(cluster, JobState.Dead))[0];
        Assert.That(dead.Attempts, Is.EqualTo(3));
        Assert.That(dead.LastError, Is.EqualTo("ReplicateRepository on \"gitaly-2\": Internal: ReplicateRepository: fetching from \"gitaly-1\" failed"));
        Assert.That(await cluster.Store.GetGenerationsAsync("praefect", "missing.git", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task StartAsync_PendingJobsOfAPreviousRun_BecomeReadyAndConverge()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 2);
        await cluster.CreateOnPrimaryAsync("crashed.git", commits: 2);
        await cluster.Store.RecordPendingAsync([new JobRequest("praefect", "crashed.git", "gitaly-1", "gitaly-2", "/gitaly.SSHService/SSHReceivePack")], "killed-praefect", CancellationToken.None);

        await cluster.StartReplicatorAsync();

        await cluster.WaitForConvergenceAsync("crashed.git", Converge);
        await WaitForNoOpenJobsAsync(cluster);
    }
}
