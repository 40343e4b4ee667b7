namespace Praefect.Server.Transactions;

/// <summary>
/// The mutators that run as reference transactions: those whose reference updates go through git's
/// reference-transaction hook on the node, so that each node votes before it applies them. In gitaly-lite
/// (and Gitaly 13.x, whose coordinator lists the same three among its transactional RPCs) these are the two
/// receive-packs (git receive-pack updates the pushed refs in a ref transaction) and WriteRef (git update-ref).
/// The other mutators either change no reference (CreateRepository, ApplyGitattributes, GarbageCollect),
/// replicate (ReplicateRepository, FetchInternalRemote, which the replicator itself calls) or remove or move
/// the repository as a whole (RemoveRepository, RenameRepository): they keep the replication path.
/// </summary>
internal static class TransactionalMethods
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "/gitaly.SSHService/SSHReceivePack",
        "/gitaly.SmartHTTPService/PostReceivePack",
        "/gitaly.RepositoryService/WriteRef",
    };
}
