using Microsoft.Extensions.Logging;

namespace Praefect.Server.Replication;

/// <summary>The replicator's log events (source generated).</summary>
internal static partial class ReplicationLog
{
    [LoggerMessage(EventId = 700, EventName = "ReplicationStarted", Level = LogLevel.Information,
        Message = "Replication started on the {Backend} datastore {Location}: {Workers} workers per node, {Promoted} pending jobs made ready.")]
    public static partial void Started(ILogger logger, string backend, string location, int workers, int promoted);

    [LoggerMessage(EventId = 701, EventName = "JobCompleted", Level = LogLevel.Information,
        Message = "Replication job {JobId} completed: \"{VirtualStorage}/{RelativePath}\" from \"{Source}\" to \"{Target}\", attempt {Attempt}, {DurationMs} ms, generation {Generation}, {Superseded} dead jobs superseded.")]
    public static partial void JobCompleted(ILogger logger, long jobId, string virtualStorage, string relativePath, string source, string target, int attempt, long durationMs, long? generation, int superseded);

    [LoggerMessage(EventId = 702, EventName = "JobFailed", Level = LogLevel.Warning,
        Message = "Replication job {JobId} failed: \"{VirtualStorage}/{RelativePath}\" from \"{Source}\" to \"{Target}\", attempt {Attempt}, {DurationMs} ms; it will be retried: {Error}")]
    public static partial void JobFailed(ILogger logger, long jobId, string virtualStorage, string relativePath, string source, string target, int attempt, long durationMs, string error);

    [LoggerMessage(EventId = 703, EventName = "JobDead", Level = LogLevel.Error,
        Message = "Replication job {JobId} is dead: \"{VirtualStorage}/{RelativePath}\" from \"{Source}\" to \"{Target}\", attempt {Attempt}, {DurationMs} ms; no retry is left: {Error}")]
    public static partial void JobDead(ILogger logger, long jobId, string virtualStorage, string relativePath, string source, string target, int attempt, long durationMs, string error);

    [LoggerMessage(EventId = 704, EventName = "NodeUnavailable", Level = LogLevel.Information,
        Message = "Replication job {JobId} of \"{VirtualStorage}/{RelativePath}\" to \"{Target}\" waits (no attempt counted): {Reason}")]
    public static partial void NodeUnavailable(ILogger logger, long jobId, string virtualStorage, string relativePath, string target, string reason);

    [LoggerMessage(EventId = 705, EventName = "DatastoreError", Level = LogLevel.Error,
        Message = "Replication worker for \"{Target}\" of virtual storage \"{VirtualStorage}\" cannot use the datastore; retrying.")]
    public static partial void DatastoreError(ILogger logger, string virtualStorage, string target, Exception exception);

    [LoggerMessage(EventId = 706, EventName = "MarkReadyDeferred", Level = LogLevel.Error,
        Message = "Cannot mark the replication jobs of \"{VirtualStorage}/{RelativePath}\" ready; retrying in the background.")]
    public static partial void MarkReadyDeferred(ILogger logger, string virtualStorage, string relativePath, Exception exception);

    [LoggerMessage(EventId = 707, EventName = "GenerationNotRaised", Level = LogLevel.Error,
        Message = "Cannot raise the generation of \"{VirtualStorage}/{RelativePath}\"; replicas may look up to date until its next write.")]
    public static partial void GenerationNotRaised(ILogger logger, string virtualStorage, string relativePath, Exception exception);

    [LoggerMessage(EventId = 708, EventName = "OrphanedJobsPromoted", Level = LogLevel.Information,
        Message = "Made {Count} pending replication jobs of praefects that stopped heartbeating ready.")]
    public static partial void OrphanedJobsPromoted(ILogger logger, int count);

    [LoggerMessage(EventId = 709, EventName = "HeartbeatFailed", Level = LogLevel.Warning,
        Message = "Replication heartbeat failed; retrying.")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 710, EventName = "LeasesReclaimed", Level = LogLevel.Information,
        Message = "Made {Count} replication jobs in progress under praefects that stopped ready again.")]
    public static partial void LeasesReclaimed(ILogger logger, int count);

    [LoggerMessage(EventId = 711, EventName = "CompletedJobsPruned", Level = LogLevel.Information,
        Message = "Pruned {Count} completed replication jobs older than {Retention}.")]
    public static partial void CompletedJobsPruned(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(EventId = 712, EventName = "WorkersStarted", Level = LogLevel.Information,
        Message = "Started {Workers} replication workers for \"{Target}\" of virtual storage \"{VirtualStorage}\".")]
    public static partial void WorkersStarted(ILogger logger, string virtualStorage, string target, int workers);
}
