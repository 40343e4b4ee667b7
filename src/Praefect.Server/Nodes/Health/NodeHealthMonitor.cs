using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Praefect.Configuration.Runtime;
using Praefect.Server.Metrics;

namespace Praefect.Server.Nodes.Health;

/// <summary>
/// Collects probe results per node, applies the thresholds, logs every transition and keeps the
/// <c>gitaly_praefect_node_last_healthcheck_up</c> gauge. Probes of different nodes may report
/// concurrently; results of one node are serialized.
/// </summary>
internal sealed class NodeHealthMonitor : INodeHealth
{
    private readonly ConcurrentDictionary<(string VirtualStorage, string Storage), NodeHealthTracker> _trackers = new();
    private readonly FailoverConfig _config;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PraefectMetrics _metrics;

    public NodeHealthMonitor(FailoverConfig config, ILogger<NodeHealthMonitor> logger, TimeProvider time, PraefectMetrics metrics)
    {
        _config = config;
        _logger = logger;
        _time = time;
        _metrics = metrics;
    }

    public event Action<NodeHealthSnapshot>? Changed;

    public bool IsHealthy(string virtualStorage, string storage) =>
        !_trackers.TryGetValue((virtualStorage, storage), out var tracker) || tracker.IsHealthy;

    public NodeHealthSnapshot Get(string virtualStorage, string storage)
    {
        if (!_trackers.TryGetValue((virtualStorage, storage), out var tracker))
        {
            return new NodeHealthSnapshot(virtualStorage, storage, true, null, null);
        }

        lock (tracker)
        {
            return Snapshot(virtualStorage, storage, tracker);
        }
    }

    /// <summary>Records one probe result. <paramref name="error"/> says why it failed (empty when up).</summary>
    public void Report(string virtualStorage, string storage, bool up, string error)
    {
        var tracker = _trackers.GetOrAdd((virtualStorage, storage), _ => new NodeHealthTracker(_config.UnhealthyThreshold, _config.HealthyThreshold));
        HealthTransition transition;
        NodeHealthSnapshot snapshot;
        lock (tracker)
        {
            transition = tracker.Record(up, _time.GetUtcNow(), error);
            snapshot = Snapshot(virtualStorage, storage, tracker);
        }

        // Go labels the gauge by node storage only; a storage name in two virtual storages shows its latest state.
        _metrics.NodeLastHealthcheckUp.WithLabels(storage).Set(snapshot.Healthy ? 1 : 0);
        if (!up)
        {
            NodeHealthLog.HealthCheckFailed(_logger, virtualStorage, storage, error);
        }

        switch (transition)
        {
            case HealthTransition.BecameUnhealthy:
                NodeHealthLog.NodeUnhealthy(_logger, virtualStorage, storage, Math.Max(1, _config.UnhealthyThreshold), error);
                Changed?.Invoke(snapshot);
                break;
            case HealthTransition.BecameHealthy:
                NodeHealthLog.NodeHealthy(_logger, virtualStorage, storage, Math.Max(1, _config.HealthyThreshold));
                Changed?.Invoke(snapshot);
                break;
        }
    }

    /// <summary>Forgets nodes no longer configured (after a reload) so they stop being reported.</summary>
    public void Retain(IReadOnlyCollection<(string VirtualStorage, string Storage)> configured)
    {
        foreach (var key in _trackers.Keys)
        {
            if (!configured.Contains(key) && _trackers.TryRemove(key, out _) && !configured.Any(c => c.Storage == key.Storage))
            {
                _metrics.NodeLastHealthcheckUp.RemoveLabelled(key.Storage);
                _metrics.NodeLatency.RemoveLabelled(key.Storage);
            }
        }
    }

    private static NodeHealthSnapshot Snapshot(string virtualStorage, string storage, NodeHealthTracker tracker) =>
        new(virtualStorage, storage, tracker.IsHealthy, tracker.UnhealthySince, tracker.LastCheck, tracker.LastError);
}
