using Microsoft.Extensions.Logging;

namespace Praefect.Server.Routing;

/// <summary>Log events of routing.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 120, EventName = "ReadFellBackToPrimary", Level = LogLevel.Warning,
        Message = "Distributed reads could not choose a replica of '{RelativePath}' on virtual storage '{VirtualStorage}', so the primary '{Storage}' serves the read: {Error}")]
    public static partial void ReadFellBackToPrimary(ILogger logger, string virtualStorage, string relativePath, string storage, string error, Exception exception);
}
