using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Praefect.Server.Metrics;

namespace Praefect.Server.Proxy;

/// <summary>
/// The one place where a <see cref="ProxyError"/> is logged, counted and turned into a gRPC status.
/// Client cancellations are Debug; client mistakes Information; node failures Warning; bugs Error.
/// </summary>
internal sealed class ProxyErrorReporter(ILogger<ProxyErrorReporter> logger, PraefectMetrics metrics)
{
    public void Report(HttpContext context, ProxyError error, string detail, Exception? exception = null)
    {
        var method = context.Request.Path.Value ?? "";
        var (stage, side) = Split(error);
        metrics.ProxyErrors.WithLabels(stage, side).Inc();

        var code = ToStatusCode(error);
        switch (error)
        {
            case ProxyError.RequestBodyClient or ProxyError.ResponseBodyClient:
                ProxyLog.ClientGone(logger, method, error, detail);
                break;
            case ProxyError.MethodClient or ProxyError.FirstMessageClient or ProxyError.FirstMessageTooLargeClient or ProxyError.FirstMessageFramingClient
                or ProxyError.FirstMessageEncodingClient or ProxyError.RouteClient or ProxyError.RepositoryReadOnlyClient:
                ProxyLog.ClientError(logger, method, error, detail);
                break;
            case ProxyError.ProxyInternal:
                ProxyLog.InternalError(logger, method, error, detail, exception);
                break;
            default:
                ProxyLog.NodeError(logger, method, error, detail, exception);
                break;
        }

        // A secondary's failure does not change the answer the client gets from the primary.
        if (error == ProxyError.FanoutNode)
        {
            return;
        }

        if (context.Features.Get<CallFeature>() is { } call)
        {
            call.ProxyStatus = code;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Clear();
            GrpcStatusWriter.WriteTrailersOnly(context, code, detail);
        }
        else
        {
            GrpcStatusWriter.WriteStatus(context, code, detail);
        }
    }

    /// <summary>
    /// An exception nothing else handled: counted as an internal error, logged once with the call's
    /// fields, and answered Internal (trailers-only before the response started, else in the trailers).
    /// </summary>
    public void ReportUnhandled(HttpContext context, Exception exception)
    {
        var call = context.Features.Get<CallFeature>();
        metrics.ProxyErrors.WithLabels("internal", "praefect").Inc();
        var correlation = context.Request.Headers[Logging.CallObserverMiddleware.CorrelationHeader];
        ProxyLog.UnhandledException(logger, context.Request.Path.Value ?? "", call?.VirtualStorage, call?.Storage, call?.RelativePath,
            correlation.Count > 0 ? correlation.ToString() : null, exception);
        if (call is not null)
        {
            call.ProxyStatus = StatusCode.Internal;
        }

        GrpcStatusWriter.WriteStatus(context, StatusCode.Internal, "praefect: internal error: " + exception.Message);
    }

    public static StatusCode ToStatusCode(ProxyError error) => error switch
    {
        ProxyError.MethodClient or ProxyError.FirstMessageEncodingClient => StatusCode.Unimplemented,
        ProxyError.FirstMessageTooLargeClient => StatusCode.ResourceExhausted,
        ProxyError.FirstMessageClient or ProxyError.RouteClient => StatusCode.InvalidArgument,
        ProxyError.RepositoryReadOnlyClient => StatusCode.FailedPrecondition,
        ProxyError.RequestBodyClient or ProxyError.ResponseBodyClient => StatusCode.Cancelled,
        ProxyError.SchedulerInternal or ProxyError.ConnectNode or ProxyError.RequestBodyNode or ProxyError.ResponseBodyNode => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    private static (string Stage, string Side) Split(ProxyError error) => error switch
    {
        ProxyError.MethodClient => ("method", "client"),
        ProxyError.FirstMessageClient or ProxyError.FirstMessageTooLargeClient or ProxyError.FirstMessageFramingClient or ProxyError.FirstMessageEncodingClient =>
            ("first_message", "client"),
        ProxyError.RouteClient => ("route", "client"),
        ProxyError.RepositoryReadOnlyClient => ("lost_writes", "client"),
        ProxyError.SchedulerInternal => ("replication_schedule", "praefect"),
        ProxyError.ConnectNode => ("connect", "node"),
        ProxyError.RequestBodyClient => ("request_body", "client"),
        ProxyError.RequestBodyNode => ("request_body", "node"),
        ProxyError.ResponseBodyClient => ("response_body", "client"),
        ProxyError.ResponseBodyNode => ("response_body", "node"),
        ProxyError.FanoutNode => ("fanout", "node"),
        _ => ("internal", "praefect"),
    };
}
