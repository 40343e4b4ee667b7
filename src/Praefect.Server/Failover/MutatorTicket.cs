namespace Praefect.Server.Failover;

/// <summary>The admission of one mutator: rejected (with why, for a FailedPrecondition), or admitted until disposed.</summary>
internal sealed class MutatorTicket(IDisposable? pass, bool waited, string? rejection) : IDisposable
{
    /// <summary>True when the call was held by a failover: route it again.</summary>
    public bool Waited { get; } = waited;

    /// <summary>Why the write is rejected (FailedPrecondition), or null.</summary>
    public string? Rejection { get; } = rejection;

    public void Dispose() => pass?.Dispose();
}
