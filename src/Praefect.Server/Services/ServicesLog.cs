using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Praefect.Server.Services;

internal static partial class ServicesLog
{
    [LoggerMessage(EventId = 300, EventName = "PrimaryUnreachable", Level = LogLevel.Warning,
        Message = "ServerInfo: primary \"{Storage}\" of virtual storage \"{VirtualStorage}\" at {Address} answered {Code}: {Detail}")]
    public static partial void PrimaryUnreachable(ILogger logger, string virtualStorage, string storage, string address, StatusCode code, string detail);

    [LoggerMessage(EventId = 301, EventName = "PrimaryLacksStorage", Level = LogLevel.Warning,
        Message = "ServerInfo: primary at {Address} of virtual storage \"{VirtualStorage}\" reports no storage named \"{Storage}\"; check the node's storage name")]
    public static partial void PrimaryLacksStorage(ILogger logger, string virtualStorage, string storage, string address);
}
