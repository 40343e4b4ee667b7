namespace Praefect.Server.Logging;

/// <summary>
/// The correlation id of the work in progress, as Gitaly and the Go Praefect carry it: taken from the
/// caller's <c>x-gitlab-correlation-id</c> header or generated, sent to the nodes on every call praefect
/// makes for that work (forwarded calls, replication jobs, health checks) and written as
/// <c>correlation_id</c> on every log line of it.
/// </summary>
internal static class Correlation
{
    public const string Header = Praefect.Protocol.Metadata.CorrelationId.HeaderName;

    /// <summary>The id of the call or job this code runs for (flows with async calls); null outside one.</summary>
    public static string? Current
    {
        get => Praefect.Logging.LogCorrelation.Current;
        set => Praefect.Logging.LogCorrelation.Current = value;
    }

    /// <summary>A new id: 26 characters of Crockford base32, like labkit's generated ids.</summary>
    public static string New() => Praefect.Protocol.Metadata.CorrelationId.New();
}
