using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using Praefect.Configuration.Runtime;
using Praefect.Server.Metrics;

namespace Praefect.Server.Nodes.Health;

/// <summary>
/// Probes every configured node with grpc.health.v1 Health/Check plus an authenticated ServerInfo
/// (through the node's pooled connection, so with its own token: a wrong token makes the node unhealthy) every <see cref="FailoverConfig.HealthCheckIntervalMs"/>,
/// each probe bounded by <see cref="FailoverConfig.HealthCheckTimeoutMs"/>, and reports the results
/// to <see cref="NodeHealthMonitor"/>. Nodes are probed concurrently so one slow node delays no other.
/// </summary>
internal sealed class HealthChecker(INodeConnections nodes, NodeHealthMonitor monitor, FailoverConfig config, TimeProvider time, PraefectMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, config.HealthCheckIntervalMs)), time);
        do
        {
            var snapshot = nodes.Current;
            monitor.Retain(snapshot.VirtualStorages.SelectMany(vs => vs.Nodes.Select(n => (vs.Name, n.Storage))).ToArray());
            var probes = snapshot.VirtualStorages
                .SelectMany(vs => vs.Nodes.Select(node => ProbeAsync(vs.Name, node, stoppingToken)))
                .ToArray();
            await Task.WhenAll(probes).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task ProbeAsync(string virtualStorage, NodeConnection node, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var (up, error) = await CheckAsync(node, TimeSpan.FromMilliseconds(Math.Max(1, config.HealthCheckTimeoutMs)), time, stoppingToken).ConfigureAwait(false);
        if (!stoppingToken.IsCancellationRequested)
        {
            metrics.NodeLatency.WithLabels(node.Storage).Observe(time.GetElapsedTime(started).TotalSeconds);
            monitor.Report(virtualStorage, node.Storage, up, error);
        }
    }

    /// <summary>
    /// One probe: up when the node answers SERVING within <paramref name="timeout"/> AND accepts the
    /// node's token. Gitaly serves health checks without authentication, so a companion
    /// ServerService/ServerInfo call (authenticated, cheap) proves the token: a node that would refuse
    /// every forwarded call with "permission denied" is unhealthy, so reads and failover avoid it.
    /// </summary>
    public static async Task<(bool Up, string Error)> CheckAsync(NodeConnection node, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            using var lease = node.Acquire();
            var deadline = time.GetUtcNow().UtcDateTime + timeout;
            var reply = await new Grpc.Health.V1.Health.HealthClient(node.CallInvoker).CheckAsync(
                new HealthCheckRequest(), deadline: deadline, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (reply.Status != HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return (false, $"the node answered {reply.Status}");
            }

            return await CheckTokenAsync(node, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            return (false, $"{e.StatusCode}: {e.Status.Detail}");
        }
        catch (ObjectDisposedException)
        {
            // The connection was retired by a reload mid-probe; the next round uses the new one.
            return (false, "the node's connection was replaced by a reload");
        }
    }

    private static async Task<(bool Up, string Error)> CheckTokenAsync(NodeConnection node, DateTime deadline, CancellationToken cancellationToken)
    {
        try
        {
            await new Gitaly.ServerService.ServerServiceClient(node.CallInvoker).ServerInfoAsync(
                new Gitaly.ServerInfoRequest(), deadline: deadline, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (true, "");
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            return (false, $"the node refuses praefect's token for it ({e.StatusCode}: {e.Status.Detail}); set the node's token in praefect to the node's auth token");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            // A node without ServerInfo cannot prove the token this way; its health check passed.
            return (true, "");
        }
    }
}
