using Prometheus;

namespace Praefect.Server.Nodes.Health;

/// <summary>The health gauge, named like the original so existing dashboards keep working.</summary>
internal static class NodeHealthMetrics
{
    /// <summary>1 while the node is healthy (after the thresholds), 0 while it is not.</summary>
    public static readonly Gauge LastHealthcheckUp = Prometheus.Metrics.CreateGauge(
        "gitaly_praefect_node_last_healthcheck_up",
        "Whether the node is healthy according to its last health checks (1 healthy, 0 unhealthy).",
        new GaugeConfiguration { LabelNames = ["virtual_storage", "storage"] });
}
