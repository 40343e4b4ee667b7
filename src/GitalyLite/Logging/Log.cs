using Microsoft.Extensions.Logging;

namespace GitalyLite.Logging;

/// <summary>All log events of gitaly-lite, source-generated.</summary>
internal static partial class Log
{
    // The level is the caller's: Debug for health checks (one every few seconds per praefect), Information otherwise.
    [LoggerMessage(EventId = 1, EventName = "CallFinished",
        Message = "finished call '{Method}' storage '{Storage}' relative path '{RelativePath}' with code {Code} in {DurationMs} ms")]
    public static partial void CallFinished(ILogger logger, LogLevel level, string method, string storage, string relativePath, string code, double durationMs);

    [LoggerMessage(EventId = 2, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "call '{Method}' storage '{Storage}' relative path '{RelativePath}' failed with code {Code} in {DurationMs} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string storage, string relativePath, string code, double durationMs, string error);

    [LoggerMessage(EventId = 3, EventName = "AuthFailed", Level = LogLevel.Warning,
        Message = "call '{Method}' not authenticated: {Reason} (transitioning: {Transitioning})")]
    public static partial void AuthFailed(ILogger logger, string method, string reason, bool transitioning);

    [LoggerMessage(EventId = 4, EventName = "UnexpectedError", Level = LogLevel.Error,
        Message = "call '{Method}' threw an unexpected exception")]
    public static partial void UnexpectedError(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "GitFailed", Level = LogLevel.Warning,
        Message = "git {Command} in '{Repository}' exited with {ExitCode}: {Stderr}")]
    public static partial void GitFailed(ILogger logger, string command, string repository, int exitCode, string stderr);

    [LoggerMessage(EventId = 6, EventName = "NodeStarted", Level = LogLevel.Information,
        Message = "gitaly-lite {Version} serving storages {Storages} on {Listeners}")]
    public static partial void NodeStarted(ILogger logger, string version, string storages, string listeners);
}
