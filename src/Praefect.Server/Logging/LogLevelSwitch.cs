using Microsoft.Extensions.Logging;

namespace Praefect.Server.Logging;

/// <summary>
/// The minimum level of praefect's own log categories, changeable at run time (SIGHUP reload).
/// Framework categories (Microsoft.*, System.*) stay at Warning so request noise never floods the log.
/// </summary>
internal sealed class LogLevelSwitch
{
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private volatile int _minimum;

    public LogLevelSwitch(LogLevel minimum) => _minimum = (int)minimum;

    public LogLevel Minimum
    {
        get => (LogLevel)_minimum;
        set => _minimum = (int)value;
    }

    public bool IsEnabled(string? category, LogLevel level)
    {
        // Request start and finish only (the access log is ours): while this category is enabled at any level,
        // ASP.NET Core makes an Activity and a log scope for every request.
        if (category == HostingDiagnostics)
        {
            return false;
        }

        if (category is not null && (category.StartsWith("Microsoft.", StringComparison.Ordinal) || category.StartsWith("System.", StringComparison.Ordinal) || category.StartsWith("Grpc.", StringComparison.Ordinal)))
        {
            return level >= LogLevel.Warning && level >= Minimum;
        }

        // YARP logs every forwarding failure as a warning; ProxyErrorReporter already logs them with the node named.
        if (category is not null && category.StartsWith("Yarp.", StringComparison.Ordinal))
        {
            return level >= LogLevel.Error && level >= Minimum;
        }

        return level >= Minimum;
    }

    /// <summary>Maps the config's <c>logging.level</c> (debug, info, warn, error); false for anything else.</summary>
    public static bool TryParse(string value, out LogLevel level)
    {
        level = value.Trim().ToLowerInvariant() switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "info" or "" => LogLevel.Information,
            "warn" or "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "fatal" or "panic" => LogLevel.Critical,
            _ => LogLevel.None,
        };
        return level != LogLevel.None;
    }
}
