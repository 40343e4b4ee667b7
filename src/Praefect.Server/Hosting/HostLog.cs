using Microsoft.Extensions.Logging;

namespace Praefect.Server.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 400, EventName = "Started", Level = LogLevel.Information,
        Message = "praefect {Version} started: listening on {Listeners}; {VirtualStorageCount} virtual storages")]
    public static partial void Started(ILogger logger, string version, string listeners, int virtualStorageCount);

    [LoggerMessage(EventId = 401, EventName = "Stopping", Level = LogLevel.Information,
        Message = "praefect stopping: no new calls; calls in flight may finish within {GracefulStopTimeoutSeconds} s")]
    public static partial void Stopping(ILogger logger, int gracefulStopTimeoutSeconds);

    [LoggerMessage(EventId = 402, EventName = "Reloaded", Level = LogLevel.Information,
        Message = "Configuration reloaded from {ConfigPath}: {Changes}")]
    public static partial void Reloaded(ILogger logger, string configPath, string changes);

    [LoggerMessage(EventId = 403, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Configuration reload from {ConfigPath} failed; the running configuration is kept: {Errors}")]
    public static partial void ReloadFailed(ILogger logger, string configPath, string errors);

    [LoggerMessage(EventId = 404, EventName = "RestartNeeded", Level = LogLevel.Warning,
        Message = "Configuration change of {Setting} needs a restart of praefect to take effect")]
    public static partial void RestartNeeded(ILogger logger, string setting);

    [LoggerMessage(EventId = 405, EventName = "Stopped", Level = LogLevel.Information,
        Message = "praefect stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 406, EventName = "HangupWasIgnored", Level = LogLevel.Information,
        Message = "SIGHUP was ignored by the process that started praefect (e.g. nohup); praefect handles it again, so SIGHUP reloads the configuration")]
    public static partial void HangupWasIgnored(ILogger logger);
}
