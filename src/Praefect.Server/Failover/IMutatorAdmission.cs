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

/// <summary>The admission of one mutator: rejected (with why, for a FailedPrecondition), or admitted until disposed.</summary>
internal sealed class MutatorTicket(IDisposable? pass, bool waited, string? rejection) : IDisposable
{
    /// <summary>True when the call was held by a failover: route it again.</summary>
    public bool Waited { get; } = waited;

    /// <summary>Why the write is rejected (FailedPrecondition), or null.</summary>
    public string? Rejection { get; } = rejection;

    public void Dispose() => pass?.Dispose();
}
