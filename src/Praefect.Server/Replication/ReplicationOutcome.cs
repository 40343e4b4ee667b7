namespace Praefect.Server.Replication;

/// <summary>How one execution of a job ended.</summary>
internal abstract record ReplicationOutcome
{
    /// <summary>The target holds at least <see cref="Generation"/> (null when the repository has none recorded).</summary>
    public sealed record Completed(long? Generation) : ReplicationOutcome;

    /// <summary>Counts as an attempt; retried with backoff.</summary>
    public sealed record Failed(string Error) : ReplicationOutcome;

    /// <summary>A node could not be reached: the job waits without counting an attempt.</summary>
    public sealed record Unavailable(string Reason) : ReplicationOutcome;
}
