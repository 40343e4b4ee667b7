using Microsoft.Extensions.Logging;
using Praefect.Datastore;

namespace Praefect.Server.Replication;

/// <summary>
/// When a remove or rename ended on the primary: on success the datastore follows (the repository's
/// metadata removed, or moved to the new path with its queued copies) and the jobs become ready; on
/// failure nothing changed on the primary, so the jobs are cancelled and never reach a secondary.
/// </summary>
internal static class ReplicationChangeFollower
{
    /// <summary>True when the jobs should be made ready.</summary>
    public static async Task<bool> FollowAsync(IDatastore store, DurableReplicationTicket ticket, bool succeeded, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            if (!succeeded)
            {
                await store.CancelJobsAsync(ticket.Ids, $"cancelled: the {ticket.Change} failed on the primary", cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (ticket.Change == ChangeTypes.Delete)
            {
                await store.RemoveRepositoryAsync(ticket.VirtualStorage, ticket.RelativePath, cancellationToken).ConfigureAwait(false);
            }
            else if (ticket.Change == ChangeTypes.Rename && ticket.NewRelativePath is { } destination)
            {
                await store.RenameRepositoryAsync(ticket.VirtualStorage, ticket.RelativePath, destination, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            Actions.ActionLog.ChangeNotFollowed(logger, ticket.Change ?? "", ticket.VirtualStorage, ticket.RelativePath, e);
        }

        return true;
    }
}
