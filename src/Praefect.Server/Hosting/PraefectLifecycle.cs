using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.Logging;
using Praefect.Configuration.Runtime;
using Praefect.Server.Auth;
using Praefect.Server.Configuration;
using Praefect.Server.Metrics;
using Praefect.Server.Nodes;

namespace Praefect.Server.Hosting;

/// <summary>
/// Start and stop around the listeners: the auth warning, SIGHUP, and the
/// health status (SERVING once listening, NOT_SERVING as soon as a stop begins).
/// </summary>
internal sealed class PraefectLifecycle(
    PraefectOptions options,
    HealthServiceImpl health,
    ConfigReloader reloader,
    PraefectMetrics metrics,
    NodeManager nodes,
    IHostApplicationLifetime lifetime,
    ILogger<PraefectLifecycle> logger,
    ILogger<AuthMiddleware> authLogger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var config = options.Config;
        metrics.AuthenticationDisabled.Set(config.Auth.Token.Length == 0 ? 1 : 0);
        nodes.Changed += SetPrimaries;
        SetPrimaries(nodes.Current);
        if (config.Auth.Token.Length == 0)
        {
            AuthLog.Disabled(authLogger);
        }

        reloader.Listen();
        lifetime.ApplicationStarted.Register(() =>
        {
            health.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
            HostLog.Started(logger, BuildInfo.Version, Listeners(config), config.VirtualStorages.Count);
        });
        lifetime.ApplicationStopping.Register(() =>
        {
            health.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing);
            HostLog.Stopping(logger, config.GracefulStopTimeoutSeconds);
        });
        lifetime.ApplicationStopped.Register(() => HostLog.Stopped(logger));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        nodes.Changed -= SetPrimaries;
        return Task.CompletedTask;
    }

    /// <summary><c>gitaly_praefect_primaries</c>: 1 for each virtual storage's routed primary, 0 for its other nodes.</summary>
    private void SetPrimaries(NodeSet set)
    {
        foreach (var labels in metrics.Primaries.GetAllLabelValues().ToList())
        {
            metrics.Primaries.RemoveLabelled(labels);
        }

        foreach (var vs in set.VirtualStorages)
        {
            foreach (var node in vs.Nodes)
            {
                metrics.Primaries.WithLabels(vs.Name, node.Storage).Set(ReferenceEquals(node, vs.Primary) ? 1 : 0);
            }
        }
    }

    private static string Listeners(RuntimeConfig config) => string.Join(", ", new[]
    {
        config.ListenAddr.Length > 0 ? "tcp " + config.ListenAddr : null,
        config.SocketPath.Length > 0 ? "unix " + config.SocketPath : null,
        config.TlsListenAddr.Length > 0 ? "tls " + config.TlsListenAddr : null,
        config.PrometheusListenAddr.Length > 0 ? "metrics " + config.PrometheusListenAddr : null,
    }.Where(l => l is not null));
}
