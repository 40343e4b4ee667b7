using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Failover;

/// <summary>
/// With <c>failover.enabled</c>: when a primary has been unhealthy for <see cref="FailoverConfig.FailoverAfterSeconds"/>,
/// promotes the healthy secondary that is up to date for the most repositories, through the same path
/// as a forced manual failover. Several praefects may try at once; the datastore lets exactly one switch.
/// </summary>
internal sealed class AutomaticFailover(
    INodeConnections nodes,
    INodeHealth health,
    IDatastore store,
    FailoverCoordinator coordinator,
    FailoverConfig config,
    ILogger<AutomaticFailover> logger,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, config.HealthCheckIntervalMs)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var vs in nodes.Current.VirtualStorages)
                {
                    await CheckAsync(vs, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckAsync(VirtualStorageNodes vs, CancellationToken stoppingToken)
    {
        var primary = health.Get(vs.Name, vs.Primary.Storage);
        if (primary.Healthy || primary.UnhealthySince is not { } since || time.GetUtcNow() - since < TimeSpan.FromSeconds(config.FailoverAfterSeconds))
        {
            return;
        }

        try
        {
            var healthy = vs.Secondaries.Where(n => health.IsHealthy(vs.Name, n.Storage)).Select(n => n.Storage).ToArray();
            var repositories = await store.GetAllGenerationsAsync(vs.Name, stoppingToken).ConfigureAwait(false);
            var candidate = FailoverCandidateSelector.Choose(healthy, repositories);
            if (candidate is null)
            {
                FailoverLog.NoCandidate(logger, vs.Name, vs.Primary.Storage, since);
                return;
            }

            // The primary is down: do not hold writes waiting for a catch-up that cannot happen.
            var timeout = TimeSpan.FromMilliseconds(Math.Max(100, config.HealthCheckIntervalMs));
            await coordinator.FailoverAsync(new FailoverOrder(vs.Name, candidate, Force: true, timeout, FailoverTriggers.Automatic, ReplacedPrimary: vs.Primary.Storage), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FailoverLog.RefreshFailed(logger, vs.Name, e.Message);
        }
    }
}
