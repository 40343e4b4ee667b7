using Microsoft.Extensions.Logging;

namespace GitalyLite.Logging;

/// <summary>
/// All log events of gitaly-lite, source-generated. Placeholders are praefect's (<c>GrpcRequestFullMethod</c> is written
/// <c>grpc.request.fullMethod</c>, <c>GrpcCode</c> <c>grpc.code</c>, <c>GrpcTimeMs</c> <c>grpc.time_ms</c>) by the shared JSON formatter.
/// </summary>
internal static partial class Log
{
    // The level is the caller's: Debug for health checks (one every few seconds per praefect), Information otherwise.
    [LoggerMessage(EventId = 1, EventName = "CallFinished",
        Message = "finished call '{GrpcRequestFullMethod}' storage '{Storage}' relative path '{RelativePath}' with code {GrpcCode} in {GrpcTimeMs} ms")]
    public static partial void CallFinished(ILogger logger, LogLevel level, string grpcRequestFullMethod, string storage, string relativePath, string grpcCode, double grpcTimeMs);

    [LoggerMessage(EventId = 2, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "call '{GrpcRequestFullMethod}' storage '{Storage}' relative path '{RelativePath}' failed with code {GrpcCode} in {GrpcTimeMs} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string grpcRequestFullMethod, string storage, string relativePath, string grpcCode, double grpcTimeMs, string error);

    [LoggerMessage(EventId = 3, EventName = "AuthFailed", Level = LogLevel.Warning,
        Message = "call '{GrpcRequestFullMethod}' not authenticated: {Reason} (transitioning: {Transitioning})")]
    public static partial void AuthFailed(ILogger logger, string grpcRequestFullMethod, string reason, bool transitioning);

    [LoggerMessage(EventId = 4, EventName = "UnexpectedError", Level = LogLevel.Error,
        Message = "call '{GrpcRequestFullMethod}' threw an unexpected exception")]
    public static partial void UnexpectedError(ILogger logger, string grpcRequestFullMethod, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "GitFailed", Level = LogLevel.Warning,
        Message = "git {Command} in '{Repository}' exited with {ExitCode}: {Stderr}")]
    public static partial void GitFailed(ILogger logger, string command, string repository, int exitCode, string stderr);

    [LoggerMessage(EventId = 6, EventName = "NodeStarted", Level = LogLevel.Information,
        Message = "gitaly-lite {Version} serving storages {Storages} on {Listeners}")]
    public static partial void NodeStarted(ILogger logger, string version, string storages, string listeners);
}
