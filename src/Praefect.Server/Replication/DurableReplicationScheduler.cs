using Microsoft.Extensions.Logging;
using Praefect.Datastore;

namespace Praefect.Server.Replication;

/// <summary>
/// Records one pending job per secondary before the mutator is forwarded; the ticket marks them ready
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
        var jobs = nodes.Storages(virtualStorage)
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

        try
        {
            await store.MarkReadyAsync(ticket.Ids, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            ReplicationLog.MarkReadyDeferred(logger, ticket.VirtualStorage, ticket.RelativePath, e);
            instance.RetryMarkReady(ticket.Ids, targets);
            return;
        }

        foreach (var (virtualStorage, target) in targets)
        {
            signal.Notify(virtualStorage, target);
        }
    }
}
