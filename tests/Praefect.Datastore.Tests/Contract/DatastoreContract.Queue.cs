namespace Praefect.Datastore.Tests.Contract;

/// <summary>The queue: states, leases, collapse, retries.</summary>
public abstract partial class DatastoreContract
{
    [Test]
    public async Task DequeueAsync_PendingJob_IsNotDequeued()
    {
        await Store.RecordPendingAsync([Job()], "instance-a", CancellationToken.None);

        Assert.That(await DequeueAsync(), Is.Null);
    }

    [Test]
    public async Task DequeueAsync_ReadyJob_LeasedToOwnerWithItsFields()
    {
        var id = await ReadyAsync(Job());

        var job = await DequeueAsync();

        Assert.That(job, Is.Not.Null);
        Assert.That(job!.Id, Is.EqualTo(id));
        Assert.That(job.Request, Is.EqualTo(Job()));
        Assert.That(job.State, Is.EqualTo(JobState.InProgress));
        Assert.That(job.LeaseOwner, Is.EqualTo("worker-1"));
        Assert.That(job.LeaseExpiresAt, Is.EqualTo(Time.GetUtcNow() + Lease));
        Assert.That(job.Attempts, Is.Zero);
    }

    [Test]
    public async Task DequeueAsync_OtherTarget_IsNotDequeued()
    {
        await ReadyAsync(Job(target: "gitaly-3"));

        Assert.That(await DequeueAsync(target: "gitaly-2"), Is.Null);
        Assert.That(await DequeueAsync(target: "gitaly-3"), Is.Not.Null);
    }

    [Test]
    public async Task DequeueAsync_SameRepositoryInProgress_SecondJobWaits()
    {
        await ReadyAsync(Job());
        await DequeueAsync();
        Time.Advance(TimeSpan.FromMilliseconds(5));
        await ReadyAsync(Job());

        Assert.That(await DequeueAsync(owner: "worker-2"), Is.Null);
    }

    [Test]
    public async Task DequeueAsync_JobsOfSeveralRepositories_OldestFirst()
    {
        var first = await ReadyAsync(Job("a.git"));
        var second = await ReadyAsync(Job("b.git"));

        Assert.That((await DequeueAsync())!.Id, Is.EqualTo(first));
        Assert.That((await DequeueAsync())!.Id, Is.EqualTo(second));
        Assert.That(await DequeueAsync(), Is.Null);
    }

    [Test]
    public async Task CompleteAsync_DuplicateReadyJobs_CollapseAndRunOnce()
    {
        var first = await ReadyAsync(Job());
        var duplicate = await ReadyAsync(Job());
        Time.Advance(TimeSpan.FromMilliseconds(5));
        var job = (await DequeueAsync())!;

        Assert.That(await Store.CompleteAsync(job, "worker-1", null, CancellationToken.None), Is.True);

        Assert.That((await GetAsync(first)).State, Is.EqualTo(JobState.Completed));
        var collapsed = await GetAsync(duplicate);
        Assert.That(collapsed.State, Is.EqualTo(JobState.Completed));
        Assert.That(collapsed.CollapsedInto, Is.EqualTo(first));
        Assert.That(await DequeueAsync(), Is.Null);
    }

    [Test]
    public async Task CompleteAsync_JobReadyAfterStart_IsKeptForTheNextRun()
    {
        await ReadyAsync(Job());
        var job = (await DequeueAsync())!;
        Time.Advance(TimeSpan.FromMilliseconds(5));
        var later = await ReadyAsync(Job());

        await Store.CompleteAsync(job, "worker-1", null, CancellationToken.None);

        Assert.That((await GetAsync(later)).State, Is.EqualTo(JobState.Ready));
        Assert.That((await DequeueAsync())!.Id, Is.EqualTo(later));
    }

    [Test]
    public async Task FailAsync_BelowMaxAttempts_RetriedAfterBackoff()
    {
        var id = await ReadyAsync(Job());
        var job = (await DequeueAsync())!;

        var state = await Store.FailAsync(job, "worker-1", "checksum mismatch", Policy, CancellationToken.None);

        Assert.That(state, Is.EqualTo(JobState.Failed));
        var failed = await GetAsync(id);
        Assert.That(failed.Attempts, Is.EqualTo(1));
        Assert.That(failed.LastError, Is.EqualTo("checksum mismatch"));
        Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(await DequeueAsync(), Is.Null);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That((await DequeueAsync())!.Id, Is.EqualTo(id));
    }

    [Test]
    public async Task FailAsync_MaxAttempts_JobIsDeadWithLastError()
    {
        var id = await ReadyAsync(Job());
        JobState? state = null;
        for (var attempt = 1; attempt <= Policy.MaxAttempts; attempt++)
        {
            Time.Advance(Policy.MaxDelay);
            var job = (await DequeueAsync())!;
            state = await Store.FailAsync(job, "worker-1", $"fetch failed {attempt}", Policy, CancellationToken.None);
        }

        Assert.That(state, Is.EqualTo(JobState.Dead));
        var dead = await GetAsync(id);
        Assert.That(dead.Attempts, Is.EqualTo(3));
        Assert.That(dead.LastError, Is.EqualTo("fetch failed 3"));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.That(await DequeueAsync(), Is.Null);
        Assert.That((await Store.GetJobsAsync(JobState.Dead, 10, CancellationToken.None)).Select(j => j.Id), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task ReleaseAsync_TargetUnreachable_NoAttemptCountedAndDueAfterDelay()
    {
        var id = await ReadyAsync(Job());
        var job = (await DequeueAsync())!;

        Assert.That(await Store.ReleaseAsync(job, "worker-1", "gitaly-2 unavailable", TimeSpan.FromSeconds(2), CancellationToken.None), Is.True);

        var released = await GetAsync(id);
        Assert.That(released.State, Is.EqualTo(JobState.Ready));
        Assert.That(released.Attempts, Is.Zero);
        Assert.That(released.LastError, Is.EqualTo("gitaly-2 unavailable"));
        Assert.That(await DequeueAsync(), Is.Null);
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.That((await DequeueAsync())!.Id, Is.EqualTo(id));
    }

    [Test]
    public async Task DequeueAsync_LeaseExpired_TakenOverAndOldOwnerCannotFinish()
    {
        var id = await ReadyAsync(Job());
        var stale = (await DequeueAsync(owner: "dead-praefect"))!;
        Assert.That(await DequeueAsync(owner: "worker-2"), Is.Null);

        Time.Advance(Lease + TimeSpan.FromMilliseconds(1));
        var taken = await DequeueAsync(owner: "worker-2");

        Assert.That(taken!.Id, Is.EqualTo(id));
        Assert.That(taken.LeaseOwner, Is.EqualTo("worker-2"));
        Assert.That(await Store.CompleteAsync(stale, "dead-praefect", 7, CancellationToken.None), Is.False);
        Assert.That(await Store.FailAsync(stale, "dead-praefect", "late", Policy, CancellationToken.None), Is.Null);
        Assert.That(await Store.RenewLeaseAsync(id, "dead-praefect", Lease, CancellationToken.None), Is.False);
        Assert.That(await Store.CompleteAsync(taken, "worker-2", null, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task RenewLeaseAsync_LeaseHeld_PostponesTakeover()
    {
        var id = await ReadyAsync(Job());
        await DequeueAsync();
        Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.That(await Store.RenewLeaseAsync(id, "worker-1", Lease, CancellationToken.None), Is.True);

        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await DequeueAsync(owner: "worker-2"), Is.Null);
    }

    [Test]
    public async Task PromotePendingAsync_OwnerWithoutRecentHeartbeat_JobBecomesReady()
    {
        await Store.HeartbeatAsync("alive", CancellationToken.None);
        await Store.HeartbeatAsync("crashed", CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(60));
        await Store.HeartbeatAsync("alive", CancellationToken.None);
        var alive = await Store.RecordPendingAsync([Job("a.git")], "alive", CancellationToken.None);
        var orphaned = await Store.RecordPendingAsync([Job("b.git")], "crashed", CancellationToken.None);

        var promoted = await Store.PromotePendingAsync(Time.GetUtcNow() - TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.That(promoted, Is.EqualTo(1));
        Assert.That((await GetAsync(alive[0])).State, Is.EqualTo(JobState.Pending));
        Assert.That((await GetAsync(orphaned[0])).State, Is.EqualTo(JobState.Ready));
    }

    [Test]
    public async Task PromotePendingAsync_AtStartUp_EveryPendingJobBecomesReady()
    {
        await Store.HeartbeatAsync("instance-a", CancellationToken.None);
        await Store.RecordPendingAsync([Job("a.git"), Job("b.git")], "instance-a", CancellationToken.None);

        var promoted = await Open().PromotePendingAsync(DateTimeOffset.MaxValue, CancellationToken.None);

        Assert.That(promoted, Is.EqualTo(2));
        Assert.That(await DequeueAsync(), Is.Not.Null);
    }

    [Test]
    public async Task MarkReadyAsync_JobPromotedAndReplicatedMeanwhile_RecordsTheChangeAgain()
    {
        var ids = await Store.RecordPendingAsync([Job()], "instance-a", CancellationToken.None);
        await Store.PromotePendingAsync(DateTimeOffset.MaxValue, CancellationToken.None);
        var early = (await DequeueAsync())!;
        await Store.CompleteAsync(early, "worker-1", null, CancellationToken.None);
        Time.Advance(TimeSpan.FromMilliseconds(5));

        await Store.MarkReadyAsync(ids, CancellationToken.None);

        var again = await DequeueAsync();
        Assert.That(again, Is.Not.Null);
        Assert.That(again!.Id, Is.Not.EqualTo(ids[0]));
        Assert.That(again.Request, Is.EqualTo(Job()));
    }

    [Test]
    public async Task HasNewerJobAsync_JobReadyAfterStart_True()
    {
        await ReadyAsync(Job());
        var job = (await DequeueAsync())!;
        Assert.That(await Store.HasNewerJobAsync(job, CancellationToken.None), Is.False);

        Time.Advance(TimeSpan.FromMilliseconds(5));
        await Store.RecordPendingAsync([Job()], "instance-a", CancellationToken.None);

        Assert.That(await Store.HasNewerJobAsync(job, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task GetQueueStatusAsync_JobsInSeveralStates_CountedPerTargetAndState()
    {
        var created = Time.GetUtcNow();
        await ReadyAsync(Job("a.git"));
        await ReadyAsync(Job("b.git"));
        await ReadyAsync(Job("c.git", target: "gitaly-3"));
        await DequeueAsync();

        var status = await Store.GetQueueStatusAsync(CancellationToken.None);

        Assert.That(status, Is.EqualTo(new[]
        {
            new QueueStatus("praefect", "gitaly-2", JobState.InProgress, 1, created),
            new QueueStatus("praefect", "gitaly-2", JobState.Ready, 1, created),
            new QueueStatus("praefect", "gitaly-3", JobState.Ready, 1, created),
        }));
    }

    [Test]
    public async Task DequeueAsync_FourConcurrentWorkers_EveryJobRunsExactlyOnce()
    {
        const int jobs = 40;
        for (var i = 0; i < jobs; i++)
        {
            await ReadyAsync(Job($"repo-{i}.git"));
        }

        var second = Open();
        var done = new System.Collections.Concurrent.ConcurrentBag<long>();
        async Task Work(IDatastore store, string owner)
        {
            while (await store.DequeueAsync("praefect", "gitaly-2", owner, Lease, CancellationToken.None) is { } job)
            {
                Assert.That(await store.CompleteAsync(job, owner, null, CancellationToken.None), Is.True);
                done.Add(job.Id);
            }
        }

        await Task.WhenAll(Work(Store, "w1"), Work(Store, "w2"), Work(second, "w3"), Work(second, "w4"))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(done, Has.Count.EqualTo(jobs));
        Assert.That(done.Distinct().Count(), Is.EqualTo(jobs));
    }
}
