using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Praefect.Protocol.Registry;
using Praefect.Server.Metrics;
using Praefect.Server.Routing;

namespace Praefect.Server.Proxy;

/// <summary>
/// Sends a server-scoped mutator to the secondaries of its virtual storage, each with its own
/// storage name, while the primary's call goes through the forwarder. A secondary's failure is
/// logged and counted; the client gets the primary's answer.
/// </summary>
internal sealed class ServerScopedFanOut(ProxyErrorReporter reporter, PraefectMetrics metrics)
{
    /// <summary>How long a secondary may take when the client set no deadline.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public Task[] Start(HttpContext context, OperationInfo operation, RouteDecision decision)
    {
        if (decision.FanOut.Count == 0)
        {
            return [];
        }

        var deadline = GrpcTimeout.Deadline(context.Request.Headers["grpc-timeout"]) ?? DateTime.UtcNow + DefaultTimeout;
        var headers = new Metadata();
        if (context.Request.Headers["x-gitlab-correlation-id"] is { Count: > 0 } correlation)
        {
            headers.Add("x-gitlab-correlation-id", correlation.ToString());
        }

        var tasks = new Task[decision.FanOut.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var (node, message) = decision.FanOut[i];
            tasks[i] = CallAsync(context, operation, decision.VirtualStorage!.Name, node, message, headers, deadline);
        }

        return tasks;
    }

    private async Task CallAsync(HttpContext context, OperationInfo operation, string virtualStorage, Nodes.NodeConnection node, byte[] message, Metadata headers, DateTime deadline)
    {
        using var lease = node.Acquire();
        try
        {
            using var call = node.CallInvoker.AsyncServerStreamingCall(RawMethods.ServerStreaming(operation), null, new CallOptions(headers, deadline), message);
            while (await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
            {
                // The secondaries' answers are not returned; reading them lets the call finish.
            }
        }
        catch (RpcException e)
        {
            metrics.FanoutFailures.WithLabels(virtualStorage, node.Storage, operation.FullMethod).Inc();
            reporter.Report(context, ProxyError.FanoutNode, $"secondary \"{node.Storage}\" at {node.Address} of virtual storage \"{virtualStorage}\" answered {e.StatusCode}: {e.Status.Detail}");
        }
    }
}
