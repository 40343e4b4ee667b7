using Praefect.Datastore;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Registry;
using Praefect.Protocol.Rewriting;

namespace Praefect.Server.Replication;

/// <summary>
/// What a repository mutator means for the secondaries: a copy (the default), or a remove or rename of
/// the repository, replicated as a "delete" or "rename" job (RemoveRepository; RenameRepository, whose
/// field 2 <c>relative_path</c> is the new path).
/// </summary>
internal static class ReplicationChange
{
    private static readonly FieldPath RenameDestination = new([2]);

    /// <summary>
    /// Mutators by classification (routed to the primary) that change nothing: the receive-pack ref
    /// advertisement must show the primary's refs, but recording a copy for it would raise the
    /// repository's generation before every HTTP push and so leave the secondaries "outdated" for the
    /// push itself (no transaction could include them, no read could go to them).
    /// </summary>
    private static readonly IReadOnlySet<string> ChangeNothing = new HashSet<string>(StringComparer.Ordinal)
    {
        "/gitaly.SmartHTTPService/InfoRefsReceivePack",
    };

    /// <summary>True when the mutator changes the repository, so its replication must be recorded.</summary>
    public static bool IsChange(OperationInfo operation) => !ChangeNothing.Contains(operation.FullMethod);

    /// <summary>Records the jobs of one routed mutator with the scheduler, as the kind of change it is.</summary>
    public static ValueTask<IReplicationTicket> BeginAsync(IReplicationScheduler scheduler, OperationInfo operation, ReadOnlyMemory<byte> message,
        string virtualStorage, string relativePath, string primaryStorage, CancellationToken cancellationToken)
    {
        if (operation.FullMethod == RepositoryLifecycle.RemoveRepositoryMethod)
        {
            return scheduler.BeginChangeAsync(virtualStorage, relativePath, primaryStorage, ChangeTypes.Delete, null, cancellationToken);
        }

        if (operation.FullMethod == RepositoryLifecycle.RenameRepositoryMethod &&
            RawRepository.TryReadString(message.Span, RenameDestination, out var destination, out _) && destination.Length > 0)
        {
            return scheduler.BeginChangeAsync(virtualStorage, relativePath, primaryStorage, ChangeTypes.Rename, destination, cancellationToken);
        }

        return scheduler.BeginMutatorAsync(virtualStorage, relativePath, primaryStorage, operation.FullMethod, cancellationToken);
    }
}
