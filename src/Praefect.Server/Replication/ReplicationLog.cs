using Microsoft.Extensions.Logging;

namespace Praefect.Server.Replication;

/// <summary>The replicator's log events (source generated).</summary>
internal static partial class ReplicationLog
{
    [LoggerMessage(EventId = 700, EventName = "ReplicationStarted", Level = LogLevel.Information,
        Message = "Replication started on the {Backend} datastore {Location}: {Workers} workers per node, {Promoted} pending jobs made ready.")]
    public static partial void Started(ILogger logger, string backend, string location, int workers, int promoted);

    [LoggerMessage(EventId = 701, EventName = "JobCompleted", Level = LogLevel.Debug,
        Message = "Replicated \"{VirtualStorage}/{RelativePath}\" from \"{Source}\" to \"{Target}\" (job {JobId}, generation {Generation}).")]
    public static partial void JobCompleted(ILogger logger, string virtualStorage, string relativePath, string source, string target, long jobId, long? generation);

    [LoggerMessage(EventId = 702, EventName = "JobFailed", Level = LogLevel.Warning,
        Message = "Replication of \"{VirtualStorage}/{RelativePath}\" to \"{Target}\" failed (job {JobId}, attempt {Attempt}); it will be retried: {Error}")]
    public static partial void JobFailed(ILogger logger, string virtualStorage, string relativePath, string target, long jobId, int attempt, string error);

    [LoggerMessage(EventId = 703, EventName = "JobDead", Level = LogLevel.Error,
        Message = "Replication of \"{VirtualStorage}/{RelativePath}\" to \"{Target}\" is dead after {Attempt} attempts (job {JobId}): {Error}")]
    public static partial void JobDead(ILogger logger, string virtualStorage, string relativePath, string target, long jobId, int attempt, string error);

    [LoggerMessage(EventId = 704, EventName = "NodeUnavailable", Level = LogLevel.Information,
        Message = "Replication to \"{Target}\" of virtual storage \"{VirtualStorage}\" waits: {Reason}")]
    public static partial void NodeUnavailable(ILogger logger, string virtualStorage, string target, string reason);

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
}
