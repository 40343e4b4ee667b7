using Microsoft.Extensions.Logging;

namespace GitalyLite.Fetch;

/// <summary>The fetch relay's log events (source generated).</summary>
internal static partial class FetchLog
{
    [LoggerMessage(EventId = 40, EventName = "FetchRelayFailed", Level = LogLevel.Warning,
        Message = "Relaying a fetch to {Address} failed.")]
    public static partial void RelayFailed(ILogger logger, string address, Exception exception);
}
