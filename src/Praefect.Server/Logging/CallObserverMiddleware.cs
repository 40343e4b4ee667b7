using System.Diagnostics;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Registry;
using Praefect.Server.Registry;
using Praefect.Server.Metrics;
using Praefect.Server.Proxy;

namespace Praefect.Server.Logging;

/// <summary>
/// Wraps every call: takes the caller's correlation id (or makes one) and sets it on the request so
/// the node receives it; after the call, counts it by method and code, records its latency and writes
/// the access log line with the Go Praefect's fields (health checks are counted but not logged).
/// </summary>
internal sealed class CallObserverMiddleware(RequestDelegate next, PraefectMetrics metrics, IOperationLookup registry, ILogger<CallObserverMiddleware> logger)
{
    public const string CorrelationHeader = Correlation.Header;

    private static readonly int Pid = Environment.ProcessId;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var startTime = DateTime.UtcNow;
        var correlation = context.Request.Headers[CorrelationHeader];
        var correlationId = correlation.Count > 0 && correlation[0] is { Length: > 0 } given ? given : Correlation.New();
        context.Request.Headers[CorrelationHeader] = correlationId;
        Correlation.Current = correlationId;
        var call = new CallFeature();
        context.Features.Set(call);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Observe(context, call, Stopwatch.GetElapsedTime(started), startTime, correlationId);
        }
    }

    private void Observe(HttpContext context, CallFeature call, TimeSpan elapsed, DateTime startTime, string correlationId)
    {
        var method = context.Request.Path.Value ?? "";
        var code = GrpcStatusWriter.Read(context) ?? call.ProxyStatus ??
            (context.RequestAborted.IsCancellationRequested ? StatusCode.Cancelled : StatusCode.Unknown);
        var codeName = CodeName(code);

        string service, name, type;
        if (registry.TryGet(method, out var operation))
        {
            (service, name, type) = (operation.ServiceName, operation.MethodName, TypeName(operation.Streaming));
        }
        else if (method.StartsWith(AuthHealthPrefix, StringComparison.Ordinal) && HealthMethod(method) is { } healthMethod)
        {
            (service, name, type) = ("grpc.health.v1.Health", healthMethod.Name, healthMethod.Type);
        }
        else
        {
            // Unknown names come from clients: never let them grow the label set.
            (service, name, type) = ("unknown", "unknown", "unknown");
        }

        metrics.Handled[(service, name, type, codeName)].Inc();
        metrics.Handling[(service, name, type)].Observe(elapsed.TotalSeconds);
        if (service != "grpc.health.v1.Health" && logger.IsEnabled(LogLevel.Information))
        {
            // The line's strings are made only when it is written (the access log is off below info).
            var peer = context.Connection.RemoteIpAddress is { } ip ? $"{ip}:{context.Connection.RemotePort}" : "@";
            CallLog.Finished(logger, type, codeName, service == "unknown" ? method : name, service, method,
                Math.Round(elapsed.TotalMilliseconds, 3), startTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                peer, Pid, "grpc", "server", call.VirtualStorage, call.Storage, call.RelativePath, correlationId);
        }
    }

    private const string AuthHealthPrefix = Auth.AuthMiddleware.HealthServicePrefix;

    // The health service's two methods by name; any other name under its path is a client's, so "unknown".
    private static (string Name, string Type)? HealthMethod(string method) => method.AsSpan(AuthHealthPrefix.Length) switch
    {
        "Check" => ("Check", "unary"),
        "Watch" => ("Watch", "server_stream"),
        _ => null,
    };

    // gRPC's canonical names (OK, InvalidArgument, ...), as Gitaly logs them.
    private static string CodeName(StatusCode code) => code switch
    {
        StatusCode.Cancelled => "Canceled",
        _ => code.ToString(),
    };

    private static string TypeName(StreamingKind kind) => kind switch
    {
        StreamingKind.Unary => "unary",
        StreamingKind.ClientStreaming => "client_stream",
        StreamingKind.ServerStreaming => "server_stream",
        _ => "bidi_stream",
    };
}
