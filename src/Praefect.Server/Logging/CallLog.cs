using Microsoft.Extensions.Logging;

namespace Praefect.Server.Logging;

internal static partial class CallLog
{
    // The access log: one line per finished call. Field names become grpc.method, grpc.code, grpc.time_ms, ...
    // The repository fields are structured only, not repeated in the message.
#pragma warning disable SYSLIB1015
    [LoggerMessage(EventId = 1, EventName = "CallFinished", Level = LogLevel.Information,
        Message = "finished call {GrpcMethod} with code {GrpcCode} in {GrpcTimeMs} ms")]
    public static partial void Finished(ILogger logger, string grpcMethod, string grpcCode, double grpcTimeMs, string? virtualStorage, string? storage, string? relativePath, string? correlationId);
#pragma warning restore SYSLIB1015
}
