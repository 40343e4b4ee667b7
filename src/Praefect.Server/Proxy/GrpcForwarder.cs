using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Registry;
using Praefect.Server.Failover;
using Praefect.Server.Metrics;
using Praefect.Server.Hosting;
using Praefect.Server.Nodes;
using Praefect.Server.Replication;
using Praefect.Server.Routing;
using Praefect.Server.Transactions;
using Yarp.ReverseProxy.Forwarder;

namespace Praefect.Server.Proxy;

/// <summary>
/// Forwards one Gitaly call to a node over raw HTTP/2 (YARP's <see cref="IHttpForwarder"/>): request
/// and response streams are copied frame by frame, never buffered whole; headers, trailers,
/// trailers-only errors, grpc-timeout and cancellation pass through. Only the first request
/// message is read, rewritten and re-framed.
/// <para>The pipeline, one numbered step each in <see cref="ForwardAsync"/>:</para>
/// <list type="number">
/// <item>Peek: read the first length-prefixed message off the client stream (capped, decompressed if needed).</item>
/// <item>Route: find the virtual storage, choose the node, rewrite the storage names (<see cref="CallRouter"/>).</item>
/// <item>Replay: the request body becomes the rewritten first frame followed by the untouched rest of the stream.</item>
/// <item>Schedule: a repository mutator is handed to the replication scheduler BEFORE it runs.</item>
/// <item>Transaction: a ref-changing mutator also runs on the up-to-date secondaries, voting (<see cref="TransactionalFanOut"/>).</item>
/// <item>Fan out: a server-scoped mutator also goes to every secondary, each with its own storage name.</item>
/// <item>Forward: send to the node over its pooled HTTP/2 connections and stream both directions.</item>
/// <item>Finish: map forwarding failures to a gRPC status (<see cref="ProxyErrorReporter"/>), complete the replication ticket.</item>
/// </list>
/// </summary>
internal sealed class GrpcForwarder(
    IHttpForwarder forwarder,
    INodeConnections nodes,
    IReplicationScheduler scheduler,
    IMutatorAdmission admission,
    ReadDistributor reads,
    PraefectOptions options,
    ServerScopedFanOut fanOut,
    TransactionalFanOut transactions,
    ProxyErrorReporter reporter,
    PraefectMetrics metrics,
    ILogger<GrpcForwarder> logger)
{
    private static readonly ForwarderRequestConfig RequestConfig = new()
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        // Gitaly calls can be silent for minutes (e.g. a big repack); HTTP/2 pings do not reset this.
        ActivityTimeout = TimeSpan.FromDays(1),
        AllowResponseBuffering = false,
    };

    public async Task ForwardAsync(HttpContext context, OperationInfo operation)
    {
        var call = context.Features.Get<CallFeature>();

        // Step 1: Peek.
        FirstMessage? first;
        FirstMessageFailure failure;
        try
        {
            (first, failure) = await FirstMessage.ReadAsync(context.Request.BodyReader, context.Request.Headers.GrpcEncoding, options.Config.MaxFirstMessageBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            reporter.Report(context, ProxyError.RequestBodyClient, "the client went away before sending its first message", e);
            return;
        }

        if (first is null)
        {
            reporter.Report(context, failure.Error, failure.Detail);
            return;
        }

        using var firstScope = first;
        if (!first.IsPresent && (operation.TargetRepository is not null || operation.StorageName is not null))
        {
            reporter.Report(context, ProxyError.FirstMessageClient, $"the request stream of {operation.FullMethod} has no message; the first message must name the repository or storage");
            return;
        }

        // Step 2: Route.
        var snapshot = nodes.Current;
        if (!CallRouter.TryRoute(operation, first.Message, snapshot, out var route, out var routeError))
        {
            reporter.Report(context, ProxyError.RouteClient, routeError);
            return;
        }

        // Step 2b: Admit (failover): a repository mutator waits while a failover holds its virtual storage's
        // writes, and is rejected on a repository that lost writes. Held until the end of this method.
        MutatorTicket? admitted;
        try
        {
            admitted = operation.Kind == OperationKind.Mutator && route.VirtualStorage is { } held
                ? await admission.AdmitAsync(held.Name, route.RelativePath, context.RequestAborted).ConfigureAwait(false)
                : null;
        }
        catch (OperationCanceledException e)
        {
            reporter.Report(context, ProxyError.RequestBodyClient, "the client went away while a failover held its write", e);
            return;
        }

        using var admittedScope = admitted;
        if (admitted is { Rejection: { } rejection })
        {
            reporter.Report(context, ProxyError.RepositoryReadOnlyClient, rejection);
            return;
        }

        if (admitted is { Waited: true } && !CallRouter.TryRoute(operation, first.Message, nodes.Current, out route, out routeError))
        {
            reporter.Report(context, ProxyError.RouteClient, routeError);
            return;
        }

        // Step 2c: Distribute reads: an accessor may go to an up-to-date healthy secondary.
        if (options.Config.DistributedReadsEnabled && operation.Kind == OperationKind.Accessor &&
            route is { VirtualStorage: { } readFrom, RelativePath: { } readPath } &&
            context.Request.Headers[ReadDistributor.PolicyHeader] != ReadDistributor.PrimaryOnly)
        {
            // Never fails for want of a replica: when choosing fails (e.g. the datastore is down) the primary serves the read.
            var replica = await reads.ChooseAsync(readFrom, readPath, context.RequestAborted).ConfigureAwait(false);

            if (replica != route.Target && !CallRouter.TryRetarget(operation, route, replica, out route, out routeError))
            {
                reporter.Report(context, ProxyError.RouteClient, routeError);
                return;
            }
        }

        var target = route.Target;
        var virtualStorage = route.VirtualStorage?.Name ?? "";
        if (call is not null)
        {
            call.VirtualStorage = virtualStorage;
            call.Storage = target.Storage;
            call.RelativePath = route.RelativePath;
        }

        metrics.MethodType[operation.Kind == OperationKind.Mutator ? "mutator" : "accessor"].Inc();

        // Step 3: Replay.
        if (first.IsPresent)
        {
            context.Request.Body = new ReplayedRequestStream(route.Message, route.Rented, context.Request.BodyReader);
            context.Request.ContentLength = null;
        }

        // Step 4: Schedule.
        IReplicationTicket? ticket = null;
        if (operation.Kind == OperationKind.Mutator && route.RelativePath is not null && ReplicationChange.IsChange(operation))
        {
            try
            {
                ticket = await ReplicationChange.BeginAsync(scheduler, operation, route.Message, virtualStorage, route.RelativePath, target.Storage, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                reporter.Report(context, ProxyError.SchedulerInternal, $"praefect cannot record the replication of {operation.FullMethod} on \"{virtualStorage}/{route.RelativePath}\": {e.Message}", e);
                return;
            }
            catch (OperationCanceledException e)
            {
                reporter.Report(context, ProxyError.RequestBodyClient, "the client went away before the call was forwarded", e);
                return;
            }
        }

        // Step 4b: Transaction.
        ticket = await transactions.StartAsync(context, operation, route, ticket).ConfigureAwait(false);

        // Step 5: Fan out.
        var secondaries = fanOut.Start(context, operation, route);

        // Step 6: Forward. YARP's stream reset on a failure after the response started is deferred, so
        // that a node at fault ends the client's call with a status (Unavailable naming the node) instead.
        ForwarderError error;
        var started = Stopwatch.GetTimestamp();
        var reset = new DeferredStreamReset(context.Features.Get<IHttpResetFeature>());
        context.Features.Set<IHttpResetFeature>(reset);
        using (target.Acquire())
        {
            error = await forwarder.SendAsync(context, target.DestinationPrefix, target.HttpInvoker, RequestConfig, NodeRequestTransformer.Instance).ConfigureAwait(false);
        }

        metrics.NodeCall[(virtualStorage, target.Storage)].Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);

        // Step 7: Finish. A node that answered before the client closed its side of the stream is a
        // normal end (YARP reports the abandoned request copy); only failures without a status count.
        var status = GrpcStatusWriter.Read(context);
        if (error != ForwarderError.None && status is null)
        {
            ReportForwarderError(context, error, virtualStorage, target);
        }

        if (reset.Requested && error is not (ForwarderError.ResponseBodyDestination or ForwarderError.RequestBodyDestination))
        {
            reset.ResetNow(context);
        }

        if (secondaries.Length > 0)
        {
            await Task.WhenAll(secondaries).ConfigureAwait(false);
        }

        if (ticket is not null)
        {
            var succeeded = status == Grpc.Core.StatusCode.OK;
            try
            {
                await ticket.CompleteAsync(succeeded, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The call itself is over; the scheduler recorded the job before it started and owns its recovery.
                ProxyLog.TicketFailed(logger, operation.FullMethod, virtualStorage, route.RelativePath ?? "", e);
            }
        }
    }

    private void ReportForwarderError(HttpContext context, ForwarderError error, string virtualStorage, NodeConnection target)
    {
        var exception = context.GetForwarderErrorFeature()?.Exception;
        var node = $"node \"{target.Storage}\" at {target.Address} of virtual storage \"{virtualStorage}\"";
        var (kind, detail) = error switch
        {
            ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.ResponseHeaders =>
                (ProxyError.ConnectNode, $"{node} is unavailable: {Describe(exception)}"),
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient =>
                (ProxyError.RequestBodyClient, "the client canceled the call or stopped sending"),
            ForwarderError.RequestBodyDestination =>
                (ProxyError.RequestBodyNode, $"{node} stopped reading the request: {Describe(exception)}"),
            ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient =>
                (ProxyError.ResponseBodyClient, "the client canceled the call or stopped reading"),
            ForwarderError.ResponseBodyDestination =>
                (ProxyError.ResponseBodyNode, $"{node} failed while sending the response: {Describe(exception)}"),
            _ => (ProxyError.ProxyInternal, $"forwarding to {node} failed ({error}): {Describe(exception)}"),
        };
        reporter.Report(context, kind, detail, exception);
    }

    private static string Describe(Exception? exception) =>
        exception is null ? "no detail" : (exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message);
}
