namespace Praefect.Server.Replication;

/// <summary>
/// What the proxy tells replication about a mutator. <see cref="BeginMutatorAsync"/> runs BEFORE the
/// call is forwarded (so a crash mid-call cannot lose the job); the returned ticket is completed when
/// the call ends, whatever its outcome.
/// </summary>
internal interface IReplicationScheduler
{
    /// <param name="virtualStorage">The virtual storage the client named.</param>
    /// <param name="relativePath">The target repository's relative path.</param>
    /// <param name="primaryStorage">The node storage the call is forwarded to (the replication source).</param>
    /// <param name="method">The full gRPC method name, e.g. /gitaly.SSHService/SSHReceivePack (the change type).</param>
    ValueTask<IReplicationTicket> BeginMutatorAsync(string virtualStorage, string relativePath, string primaryStorage, string method, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="BeginMutatorAsync"/> for a remove (<see cref="Datastore.ChangeTypes.Delete"/>) or rename
    /// (<see cref="Datastore.ChangeTypes.Rename"/> to <paramref name="newRelativePath"/>) of the repository. When the
    /// call succeeded the datastore follows (metadata removed or moved); when it failed the jobs are cancelled.
    /// </summary>
    ValueTask<IReplicationTicket> BeginChangeAsync(string virtualStorage, string relativePath, string primaryStorage, string changeType, string? newRelativePath, CancellationToken cancellationToken);
}
