namespace Praefect.Server.Failover;

/// <summary>
/// What the write path asks failover before it routes a repository mutator. Call it after a first
/// routing (to know the virtual storage); when <see cref="MutatorTicket.Waited"/>, route again (the
/// primary may have changed). Dispose the ticket only after the call ended and its replication was
/// recorded: a graceful failover waits for exactly that.
/// </summary>
internal interface IMutatorAdmission
{
    ValueTask<MutatorTicket> AdmitAsync(string virtualStorage, string? relativePath, CancellationToken cancellationToken);
}
