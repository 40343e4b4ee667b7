namespace Praefect.Datastore.Tests.Contract;

/// <summary>Queue upkeep: dead jobs superseded, leases of stopped praefects reclaimed, completed jobs pruned.</summary>
public abstract partial class DatastoreContract
{
    private async Task<long> DeadJobAsync(JobRequest request)
    {
        var id = await ReadyAsync(request);
        for (var attempt = 1; attempt <= Policy.MaxAttempts; attempt++)
        {
            Time.Advance(Policy.MaxDelay);
            var job = await DequeueAsync(request.TargetStorage) ?? throw new AssertionException($"job {id} was not due for attempt {attempt}");
            await Store.FailAsync(job, "worker-1", "FetchInternalRemote on \"gitaly-2\": Unavailable: Error connecting to subchannel", Policy, CancellationToken.None);
        }

        return id;
    }

    [Test]
    public async Task SupersedeDeadAsync_LaterJobCompleted_DeadJobClosedWithItsHistory()
    {
        var dead = await DeadJobAsync(Job());
        var otherTarget = await DeadJobAsync(Job(target: "gitaly-3"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await ReadyAsync(Job());
        var later = await DequeueAsync() ?? throw new AssertionException("the later job was not dequeued");
        await Store.CompleteAsync(later, "worker-1", null, CancellationToken.None);

        var superseded = await Store.SupersedeDeadAsync(later, CancellationToken.None);

        var closed = await GetAsync(dead);
        Assert.That(superseded, Is.EqualTo(1));
        Assert.That((closed.State, closed.CollapsedInto, closed.Attempts), Is.EqualTo((JobState.Completed, (long?)later.Id, Policy.MaxAttempts)));
        Assert.That(closed.LastError, Does.Contain("Error connecting to subchannel"));
        Assert.That((await GetAsync(otherTarget)).State, Is.EqualTo(JobState.Dead));
        Assert.That((await Store.GetQueueStatusAsync(CancellationToken.None)).Where(s => s.State == JobState.Dead).Sum(s => s.Count), Is.EqualTo(1));
    }

    [Test]
    public async Task ReclaimLeasesAsync_OwnerStoppedHeartbeating_JobReadyAgainAtOnce()
    {
        await Store.HeartbeatAsync("praefect-a", CancellationToken.None);
        await Store.HeartbeatAsync("praefect-b", CancellationToken.None);
        var gone = await ReadyAsync(Job("a.git"));
        var alive = await ReadyAsync(Job("b.git"));
        await DequeueAsync(owner: "praefect-a/gitaly-2/0");
        await DequeueAsync(owner: "praefect-b/gitaly-2/0");
        Time.Advance(TimeSpan.FromSeconds(10));
        await Store.HeartbeatAsync("praefect-b", CancellationToken.None);

        var reclaimed = await Store.ReclaimLeasesAsync(Time.GetUtcNow() - TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.That(reclaimed, Is.EqualTo(1));
        Assert.That(((await GetAsync(gone)).State, (await GetAsync(alive)).State), Is.EqualTo((JobState.Ready, JobState.InProgress)));
        Assert.That((await DequeueAsync(owner: "praefect-b/gitaly-2/1"))?.Id, Is.EqualTo(gone));
    }

    [Test]
    public async Task ReclaimLeasesAsync_MaxValue_EveryLiveLeaseReclaimed()
    {
        await Store.HeartbeatAsync("praefect-a", CancellationToken.None);
        var id = await ReadyAsync(Job());
        await DequeueAsync(owner: "praefect-a/gitaly-2/0");

        Assert.That(await Store.ReclaimLeasesAsync(DateTimeOffset.MaxValue, CancellationToken.None), Is.EqualTo(1));
        Assert.That((await GetAsync(id)).State, Is.EqualTo(JobState.Ready));
    }

    [Test]
    public async Task PruneCompletedAsync_OlderThanRetention_DeletedOthersKept()
    {
        var old = await ReadyAsync(Job("old.git"));
        await Store.CompleteAsync((await DequeueAsync())!, "worker-1", null, CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(25));
        var recent = await ReadyAsync(Job("recent.git"));
        await Store.CompleteAsync((await DequeueAsync())!, "worker-1", null, CancellationToken.None);
        var waiting = await ReadyAsync(Job("waiting.git"));

        var pruned = await Store.PruneCompletedAsync(Time.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That(pruned, Is.EqualTo(1));
        Assert.That(await Store.GetJobAsync(old, CancellationToken.None), Is.Null);
        Assert.That(((await GetAsync(recent)).State, (await GetAsync(waiting)).State), Is.EqualTo((JobState.Completed, JobState.Ready)));
    }
}
