using Microsoft.Extensions.Logging;

namespace Praefect.Server.Logging;

internal static partial class CallLog
{
    // The access log: one line per finished call, with the Go Praefect's fields (grpc_logrus): msg
    // "finished unary call with code OK", grpc.method (the method's name), grpc.service,
    // grpc.request.fullMethod, grpc.code, grpc.time_ms, grpc.start_time, peer.address, pid, system,
    // span.kind; then ours where Go has none (virtual_storage, storage, relative_path). Structured only.
#pragma warning disable SYSLIB1015
    [LoggerMessage(EventId = 1, EventName = "CallFinished", Level = LogLevel.Information,
        Message = "finished {GrpcType} call with code {GrpcCode}")]
    public static partial void Finished(ILogger logger, string grpcType, string grpcCode, string grpcMethod, string grpcService, string grpcRequestFullMethod,
        double grpcTimeMs, string grpcStartTime, string peerAddress, int pid, string system, string spanKind,
        string? virtualStorage, string? storage, string? relativePath, string correlationId);
#pragma warning restore SYSLIB1015
}
