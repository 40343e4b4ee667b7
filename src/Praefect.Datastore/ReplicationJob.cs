namespace Praefect.Datastore;

/// <summary>One stored replication job. Times are UTC.</summary>
public sealed record ReplicationJob(
    long Id,
    string VirtualStorage,
    string RelativePath,
    string SourceStorage,
    string TargetStorage,
    string ChangeType,
    JobState State,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset NextAttemptAt,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    long? CollapsedInto,
    string? NewRelativePath = null,
    string? CorrelationId = null)
{
    public JobRequest Request => new(VirtualStorage, RelativePath, SourceStorage, TargetStorage, ChangeType, NewRelativePath, CorrelationId);
}
