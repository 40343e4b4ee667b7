namespace Praefect.Server.Replication;

/// <summary>
/// Which replica a job copies from, decided from the recorded generations so that a copy never takes
/// the target backwards (e.g. an old primary that returns after a forced failover with older data and
/// older queued jobs).
/// </summary>
internal abstract record ReplicationSourcePlan
{
    /// <summary>
    /// Copy from the first of <see cref="Candidates"/> that answers; each holds more than the target, and
    /// when <see cref="Latest"/> each holds the repository's latest generation (the copy covers every
    /// write acknowledged before it, so older dead jobs of the target are superseded by it).
    /// </summary>
    public sealed record Copy(IReadOnlyList<(string Storage, long? Generation)> Candidates, bool Latest) : ReplicationSourcePlan;

    /// <summary>The target already holds the repository's latest generation and no replica holds more: nothing to copy.</summary>
    public sealed record UpToDate(long Generation) : ReplicationSourcePlan;

    /// <summary>No healthy replica is ahead of the target: the job waits without counting an attempt.</summary>
    public sealed record Wait(string Reason) : ReplicationSourcePlan;
}
