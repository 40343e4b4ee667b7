using Microsoft.Extensions.Logging;
using Praefect.Datastore;

namespace Praefect.Server.Replication;

/// <summary>
/// Records one pending job per secondary assigned to the repository (<see cref="RepositoryAssignments"/>: all of them
/// unless set-replication-factor assigned fewer) before the mutator is forwarded; the ticket marks them ready
/// when the call ends (whatever its outcome) and raises the repository generation when it succeeded.
/// Each job keeps the client call's correlation id, so the job's log lines and node calls carry it.
/// A failure to record throws: the proxy then refuses the call rather than risk an unreplicated write.
/// </summary>
internal sealed class DurableReplicationScheduler(
    IDatastore store,
    IReplicationNodes nodes,
    ReplicationInstance instance,
    ReplicationSignal signal,
    ILogger<DurableReplicationScheduler> logger) : IReplicationScheduler
{
    public async ValueTask<IReplicationTicket> BeginMutatorAsync(string virtualStorage, string relativePath, string primaryStorage, string method, CancellationToken cancellationToken)
    {
        var assigned = RepositoryAssignments.Of(await store.GetAssignmentsAsync(virtualStorage, relativePath, cancellationToken).ConfigureAwait(false),
            nodes.Storages(virtualStorage), primaryStorage);
        var jobs = assigned
            .Where(storage => storage != primaryStorage)
            .Select(target => new JobRequest(virtualStorage, relativePath, primaryStorage, target, method, CorrelationId: Logging.Correlation.Current))
            .ToList();
        var ids = await store.RecordPendingAsync(jobs, instance.Id, cancellationToken).ConfigureAwait(false);
        return new DurableReplicationTicket(this, virtualStorage, relativePath, primaryStorage, jobs, ids);
    }

    public async ValueTask<IReplicationTicket> BeginChangeAsync(string virtualStorage, string relativePath, string primaryStorage, string changeType, string? newRelativePath, CancellationToken cancellationToken)
    {
        var jobs = nodes.Storages(virtualStorage)
            .Where(storage => storage != primaryStorage)
            .Select(target => new JobRequest(virtualStorage, relativePath, primaryStorage, target, changeType, newRelativePath, Logging.Correlation.Current))
            .ToList();
        var ids = await store.RecordPendingAsync(jobs, instance.Id, cancellationToken).ConfigureAwait(false);
        return new DurableReplicationTicket(this, virtualStorage, relativePath, primaryStorage, jobs, ids) { Change = changeType, NewRelativePath = newRelativePath };
    }

    // A reference transaction committed on the primary and committedSecondaries: they hold the new generation and need no job.
    internal async ValueTask CompleteCommittedAsync(DurableReplicationTicket ticket, IReadOnlyCollection<string> committedSecondaries)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var committed = committedSecondaries.ToHashSet(StringComparer.Ordinal);
        try
        {
            await store.IncrementGenerationAsync(ticket.VirtualStorage, ticket.RelativePath, [ticket.PrimaryStorage, .. committed], timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            // Without the raised generations the committed secondaries are not known to hold the change: replicate to all.
            ReplicationLog.GenerationNotRaised(logger, ticket.VirtualStorage, ticket.RelativePath, e);
            committed.Clear();
        }

        var cancelled = new List<long>();
        var ready = new List<long>();
        var targets = new List<(string, string)>();
        for (var i = 0; i < ticket.Jobs.Count; i++)
        {
            if (committed.Contains(ticket.Jobs[i].TargetStorage))
            {
                cancelled.Add(ticket.Ids[i]);
            }
            else
            {
                ready.Add(ticket.Ids[i]);
                targets.Add((ticket.Jobs[i].VirtualStorage, ticket.Jobs[i].TargetStorage));
            }
        }

        try
        {
            await store.CancelJobsAsync(cancelled, "the target committed the change in a reference transaction", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            // A job left pending is promoted and run later: a redundant copy, never a lost one.
            ReplicationLog.MarkReadyDeferred(logger, ticket.VirtualStorage, ticket.RelativePath, e);
        }

        await MarkReadyAsync(ticket, ready, targets, timeout.Token).ConfigureAwait(false);
    }

    internal async ValueTask CompleteAsync(DurableReplicationTicket ticket, bool succeeded)
    {
        // Not the caller's token: the call is over, and this write must happen even if the client left.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var targets = ticket.Jobs.Select(j => (j.VirtualStorage, j.TargetStorage)).ToList();
        if (ticket.Change is not null)
        {
            if (!await ReplicationChangeFollower.FollowAsync(store, ticket, succeeded, logger, timeout.Token).ConfigureAwait(false))
            {
                return;
            }
        }
        else if (succeeded)
        {
            try
            {
                await store.IncrementGenerationAsync(ticket.VirtualStorage, ticket.RelativePath, ticket.PrimaryStorage, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
            {
                ReplicationLog.GenerationNotRaised(logger, ticket.VirtualStorage, ticket.RelativePath, e);
            }
        }

        await MarkReadyAsync(ticket, ticket.Ids, targets, timeout.Token).ConfigureAwait(false);
    }

    private async ValueTask MarkReadyAsync(DurableReplicationTicket ticket, IReadOnlyList<long> ids, IReadOnlyList<(string VirtualStorage, string Target)> targets, CancellationToken cancellationToken)
    {
        try
        {
            await store.MarkReadyAsync(ids, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            ReplicationLog.MarkReadyDeferred(logger, ticket.VirtualStorage, ticket.RelativePath, e);
            instance.RetryMarkReady(ids, targets);
            return;
        }

        foreach (var (virtualStorage, target) in targets)
        {
            signal.Notify(virtualStorage, target);
        }
    }
}
