using Microsoft.Extensions.Logging;

namespace Praefect.Server.Replication.Actions;

internal static partial class ActionLog
{
    [LoggerMessage(EventId = 950, EventName = "ChangeNotFollowed", Level = LogLevel.Error,
        Message = "The datastore cannot follow the {Change} of \"{VirtualStorage}/{RelativePath}\"; its metadata may be stale until the next write")]
    public static partial void ChangeNotFollowed(ILogger logger, string change, string virtualStorage, string relativePath, Exception exception);
}
