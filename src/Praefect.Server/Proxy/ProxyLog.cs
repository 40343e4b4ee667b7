using Microsoft.Extensions.Logging;

namespace Praefect.Server.Proxy;

internal static partial class ProxyLog
{
    [LoggerMessage(EventId = 100, EventName = "ClientError", Level = LogLevel.Information,
        Message = "Call {GrpcMethod} refused ({ProxyError}): {Detail}")]
    public static partial void ClientError(ILogger logger, string grpcMethod, ProxyError proxyError, string detail);

    [LoggerMessage(EventId = 101, EventName = "ClientGone", Level = LogLevel.Debug,
        Message = "Call {GrpcMethod} ended by the client ({ProxyError}): {Detail}")]
    public static partial void ClientGone(ILogger logger, string grpcMethod, ProxyError proxyError, string detail);

    [LoggerMessage(EventId = 102, EventName = "NodeError", Level = LogLevel.Warning,
        Message = "Call {GrpcMethod} failed on the node side ({ProxyError}): {Detail}")]
    public static partial void NodeError(ILogger logger, string grpcMethod, ProxyError proxyError, string detail, Exception? exception);

    [LoggerMessage(EventId = 103, EventName = "InternalError", Level = LogLevel.Error,
        Message = "Call {GrpcMethod} failed inside praefect ({ProxyError}): {Detail}")]
    public static partial void InternalError(ILogger logger, string grpcMethod, ProxyError proxyError, string detail, Exception? exception);

    [LoggerMessage(EventId = 104, EventName = "TicketFailed", Level = LogLevel.Error,
        Message = "Completing the replication of {GrpcMethod} on {VirtualStorage}/{RelativePath} failed")]
    public static partial void TicketFailed(ILogger logger, string grpcMethod, string virtualStorage, string relativePath, Exception exception);

    // The call's repository fields are structured only (virtual_storage, storage, relative_path, correlation_id), as in the access log.
#pragma warning disable SYSLIB1015
    [LoggerMessage(EventId = 106, EventName = "UnhandledException", Level = LogLevel.Error,
        Message = "Call {GrpcMethod} failed with an unexpected exception inside praefect; answered Internal")]
    public static partial void UnhandledException(ILogger logger, string grpcMethod, string? virtualStorage, string? storage, string? relativePath, string? correlationId, Exception exception);
#pragma warning restore SYSLIB1015
}
