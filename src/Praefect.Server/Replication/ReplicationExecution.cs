namespace Praefect.Server.Replication;

/// <summary>
/// How a job ended, the replica it copied from (null when it copied nothing) and whether the target
/// now holds every write acknowledged before the job started (then older dead jobs are superseded).
/// </summary>
internal sealed record ReplicationExecution(ReplicationOutcome Outcome, string? Source, bool CoversLatest = false);
