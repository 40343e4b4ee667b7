using Microsoft.Extensions.Logging;

namespace Praefect.Server.Failover;

/// <summary>Log events of failover.</summary>
internal static partial class FailoverLog
{
    [LoggerMessage(EventId = 811, EventName = "FailoverStarted", Level = LogLevel.Information,
        Message = "Failover of virtual storage '{VirtualStorage}' from '{Primary}' to '{Target}' started by {Trigger} (force: {Force}); new writes are held.")]
    public static partial void Started(ILogger logger, string virtualStorage, string primary, string target, string trigger, bool force);

    [LoggerMessage(EventId = 812, EventName = "FailoverSwitched", Level = LogLevel.Warning,
        Message = "Virtual storage '{VirtualStorage}' fails over from '{Primary}' to '{Target}' ({Trigger}, {Outcome}, {LostRepositories} repositories lost writes) in {DurationMs} ms.")]
    public static partial void Switched(ILogger logger, string virtualStorage, string primary, string target, string trigger, FailoverOutcome outcome, int lostRepositories, long durationMs);

    [LoggerMessage(EventId = 813, EventName = "FailoverRefused", Level = LogLevel.Warning,
        Message = "Failover of virtual storage '{VirtualStorage}' to '{Target}' ({Trigger}) refused: {Reason}")]
    public static partial void Refused(ILogger logger, string virtualStorage, string target, string trigger, string reason);

    [LoggerMessage(EventId = 814, EventName = "RecordedPrimaryApplied", Level = LogLevel.Information,
        Message = "Virtual storage '{VirtualStorage}': the primary recorded in the datastore is '{Recorded}' (the config says '{Configured}'); routing to '{Recorded}'.")]
    public static partial void RecordedPrimaryApplied(ILogger logger, string virtualStorage, string recorded, string configured);

    [LoggerMessage(EventId = 815, EventName = "RecordedPrimaryNotConfigured", Level = LogLevel.Error,
        Message = "Virtual storage '{VirtualStorage}': the recorded primary '{Recorded}' is not in the config; routing to the config's primary '{Configured}'. Fail over explicitly with 'praefect-ctl failover --virtual-storage {VirtualStorage} --to <storage>'.")]
    public static partial void RecordedPrimaryNotConfigured(ILogger logger, string virtualStorage, string recorded, string configured);

    [LoggerMessage(EventId = 816, EventName = "AutomaticFailoverNoCandidate", Level = LogLevel.Error,
        Message = "Virtual storage '{VirtualStorage}': primary '{Primary}' is unhealthy since {Since:o} but no secondary is healthy; cannot fail over.")]
    public static partial void NoCandidate(ILogger logger, string virtualStorage, string primary, DateTimeOffset since);

    [LoggerMessage(EventId = 817, EventName = "DatalossAccepted", Level = LogLevel.Warning,
        Message = "Virtual storage '{VirtualStorage}': '{Storage}' holds the authoritative copy of '{RelativePath}' (generation {Generation}); replicating it to {Targets}.")]
    public static partial void DatalossAccepted(ILogger logger, string virtualStorage, string relativePath, string storage, long generation, string targets);

    [LoggerMessage(EventId = 818, EventName = "FailoverStateRefreshFailed", Level = LogLevel.Warning,
        Message = "Cannot refresh the recorded primary and lost-writes marks of virtual storage '{VirtualStorage}' from the datastore: {Error}")]
    public static partial void RefreshFailed(ILogger logger, string virtualStorage, string error);
}
