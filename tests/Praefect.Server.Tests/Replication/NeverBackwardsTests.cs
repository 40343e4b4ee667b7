using Praefect.Datastore;
using Praefect.Server.Replication;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>
/// Jobs copy only from replicas at least as new as the target: the forced-failover case where the old
/// primary returns with older data and older queued jobs, and a dead source that is skipped or waited for.
/// </summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class NeverBackwardsTests
{
    private const string VirtualStorage = ReplicationTestCluster.VirtualStorage;

    /// <summary>Runs every due job of <paramref name="target"/> once and records its outcome as the worker does.</summary>
    private static async Task<List<(ReplicationJob Job, ReplicationExecution Execution)>> DrainAsync(ReplicationTestCluster cluster, string target)
    {
        var runs = new List<(ReplicationJob, ReplicationExecution)>();
        while (await cluster.Store.DequeueAsync(VirtualStorage, target, "test/worker/0", TimeSpan.FromMinutes(1), CancellationToken.None) is { } job)
        {
            var execution = await cluster.Executor.RunAsync(job, CancellationToken.None);
            switch (execution.Outcome)
            {
                case ReplicationOutcome.Completed completed:
                    await cluster.Store.CompleteAsync(job, "test/worker/0", completed.Generation, CancellationToken.None);
                    break;
                case ReplicationOutcome.Failed failed:
                    await cluster.Store.FailAsync(job, "test/worker/0", failed.Error, cluster.Options.Retry, CancellationToken.None);
                    break;
                default:
                    await cluster.Store.ReleaseAsync(job, "test/worker/0", ((ReplicationOutcome.Unavailable)execution.Outcome).Reason, cluster.Options.UnavailableRetry, CancellationToken.None);
                    break;
            }

            runs.Add((job, execution));
        }

        return runs;
    }

    [Test]
    public async Task ForcedFailover_OldPrimaryReturnsWithOlderQueuedJobs_NoRefGoesBack()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 3);
        const string path = "failover.git";
        await cluster.MutateAsync(path, commits: 2);
        await DrainAsync(cluster, "gitaly-2");
        await DrainAsync(cluster, "gitaly-3");

        // A write acknowledged by the old primary only: its jobs stay queued while it is away.
        await cluster.MutateAsync(path, commits: 1);

        // Forced failover to gitaly-2, the loss accepted, then new writes on the new primary.
        await cluster.Store.AcceptDatalossAsync(VirtualStorage, path, "gitaly-2", releaseNow: true, CancellationToken.None);
        using var work = new TempDirectory("new-primary-work");
        await Git.RunAsync(work.Path, "clone", "--quiet", cluster.Nodes[1].RepositoryPath(path), "tree");
        var tree = Path.Combine(work.Path, "tree");
        await Git.AddCommitsAsync(tree, 2);
        await Git.RunAsync(tree, "push", "--quiet", "origin", "HEAD:main");
        await cluster.Store.IncrementGenerationAsync(VirtualStorage, path, "gitaly-2", CancellationToken.None);
        var newPrimaryRefs = await Git.ForEachRefAsync(cluster.Nodes[1].RepositoryPath(path));

        // The old primary is back (it answers) and its older jobs run.
        var toNewPrimary = await DrainAsync(cluster, "gitaly-2");
        var toThird = await DrainAsync(cluster, "gitaly-3");

        Assert.That(toNewPrimary.Select(r => (r.Job.SourceStorage, r.Execution.Source, r.Execution.Outcome.GetType().Name)),
            Is.EqualTo(new[] { ("gitaly-1", (string?)null, nameof(ReplicationOutcome.Completed)) }), "the old job to the new primary copies nothing");
        Assert.That(toThird.Select(r => (r.Job.SourceStorage, r.Execution.Source)),
            Is.EqualTo(new[] { ("gitaly-1", (string?)"gitaly-2") }), "the old job to the third node is re-sourced to the new primary");
        Assert.That(await Git.ForEachRefAsync(cluster.Nodes[1].RepositoryPath(path)), Is.EqualTo(newPrimaryRefs), "the new primary's refs");
        Assert.That(await Git.ForEachRefAsync(cluster.Nodes[2].RepositoryPath(path)), Is.EqualTo(newPrimaryRefs), "the third node's refs");
        var generations = await cluster.Store.GetGenerationsAsync(VirtualStorage, path, CancellationToken.None);
        Assert.That(generations!.Storages["gitaly-3"], Is.EqualTo(generations.Generation));
    }

    [Test]
    public async Task DeadSource_OtherReplicaUpToDate_ResourcedWithoutAnAttempt()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 3);
        const string path = "dead-source.git";
        await cluster.MutateAsync(path, commits: 2);
        await DrainAsync(cluster, "gitaly-3");
        await cluster.Primary.StopAsync();

        var runs = await DrainAsync(cluster, "gitaly-2");

        Assert.That(runs.Select(r => (r.Execution.Source, r.Execution.Outcome.GetType().Name)),
            Is.EqualTo(new[] { ((string?)"gitaly-3", nameof(ReplicationOutcome.Completed)) }));
        Assert.That((await cluster.Store.GetJobAsync(runs[0].Job.Id, CancellationToken.None))!.Attempts, Is.Zero);
        Assert.That(await Git.ForEachRefAsync(cluster.Nodes[1].RepositoryPath(path)), Is.EqualTo(await Git.ForEachRefAsync(cluster.Nodes[2].RepositoryPath(path))));
    }

    [Test]
    public async Task DeadSource_NoOtherReplica_WaitsWithoutAnAttemptThenCompletesAndNothingIsDead()
    {
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 2, config: ReplicationTestCluster.FastConfig());
        const string path = "waits.git";
        await cluster.MutateAsync(path, commits: 1);
        await cluster.Primary.StopAsync();

        var waiting = await DrainAsync(cluster, "gitaly-2");
        var job = await cluster.Store.GetJobAsync(waiting.Single().Job.Id, CancellationToken.None);

        Assert.That(waiting.Single().Execution.Outcome, Is.TypeOf<ReplicationOutcome.Unavailable>());
        Assert.That((job!.State, job.Attempts), Is.EqualTo((JobState.Ready, 0)));
        Assert.That(job.LastError, Does.StartWith($"RepositoryExists on \"gitaly-1\" at {cluster.Primary.Address}: "));

        await cluster.Primary.StartAsync();
        await Wait.UntilAsync(async () => (await DrainAsync(cluster, "gitaly-2")).Any(r => r.Execution.Outcome is ReplicationOutcome.Completed),
            TimeSpan.FromSeconds(90), "the waiting job to run again and complete once its source is back");
        Assert.That((await cluster.Store.GetJobAsync(job.Id, CancellationToken.None))!.State, Is.EqualTo(JobState.Completed));
        Assert.That(await cluster.Store.GetJobsAsync(JobState.Dead, 10, CancellationToken.None), Is.Empty);
    }
}
