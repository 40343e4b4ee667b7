using Prometheus;

namespace Praefect.Server.Replication;

/// <summary>
/// Replication metrics, with the original Praefect names, in prometheus-net's default registry (the
/// <c>/metrics</c> endpoint exports them without further wiring).
/// </summary>
internal static class ReplicationMetrics
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    /// <summary>Seconds a job took to execute (dequeue to done).</summary>
    public static readonly Histogram Latency = Prometheus.Metrics.CreateHistogram(
        "gitaly_praefect_replication_latency", "Time replication jobs take to execute, in seconds.",
        new HistogramConfiguration { LabelNames = ["virtual_storage", "target_storage"], Buckets = Buckets });

    /// <summary>Seconds between a job becoming ready and a worker starting it.</summary>
    public static readonly Histogram Delay = Prometheus.Metrics.CreateHistogram(
        "gitaly_praefect_replication_delay", "Time between a replication job becoming ready and its start, in seconds.",
        new HistogramConfiguration { LabelNames = ["virtual_storage", "target_storage"], Buckets = Buckets });

    /// <summary>Jobs in the queue by state (all praefects sharing the datastore).</summary>
    public static readonly Gauge Jobs = Prometheus.Metrics.CreateGauge(
        "gitaly_praefect_replication_jobs", "Replication jobs in the queue by state.",
        new GaugeConfiguration { LabelNames = ["virtual_storage", "target_storage", "state"] });

    /// <summary>Jobs ready or failed awaiting a retry, per target.</summary>
    public static readonly Gauge QueueDepth = Prometheus.Metrics.CreateGauge(
        "gitaly_praefect_replication_queue_depth", "Replication jobs waiting to run, per target storage.",
        new GaugeConfiguration { LabelNames = ["virtual_storage", "target_storage"] });

    /// <summary>Jobs finished by this praefect, by result (completed, failed, dead, released).</summary>
    public static readonly Counter Results = Prometheus.Metrics.CreateCounter(
        "gitaly_praefect_replication_results_total", "Replication job executions by result.",
        new CounterConfiguration { LabelNames = ["virtual_storage", "target_storage", "result"] });
}
