namespace Praefect.Server.Failover;

/// <summary>How a failover request ended.</summary>
internal enum FailoverOutcome
{
    /// <summary>Graceful: the target held every write; nothing was lost.</summary>
    Switched,

    /// <summary>Forced: the listed repositories lost writes and reject writes until accept-dataloss.</summary>
    Forced,

    /// <summary>The target already was the primary.</summary>
    AlreadyPrimary,

    /// <summary>Not done (the reason says why; the list says what would be lost).</summary>
    Refused,
}
