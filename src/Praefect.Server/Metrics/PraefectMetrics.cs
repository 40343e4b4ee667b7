using Prometheus;

namespace Praefect.Server.Metrics;

/// <summary>
/// Every metric praefect exports, in one registry per process (the one <c>/metrics</c> serves).
/// Names AND label names are the Go Praefect's where it has the metric (see docs/operations.md, whose
/// table a test compares with what <c>/metrics</c> serves), so existing dashboards and alerts keep working.
/// </summary>
internal sealed class PraefectMetrics
{
    private static readonly double[] LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    public PraefectMetrics(string version, CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        CallsHandled = factory.CreateCounter("grpc_server_handled_total", "gRPC calls finished by praefect, by method and status code.",
            new CounterConfiguration { LabelNames = ["grpc_service", "grpc_method", "grpc_type", "grpc_code"] });
        CallDuration = factory.CreateHistogram("grpc_server_handling_seconds", "Time praefect took to handle a gRPC call, from headers to status.",
            new HistogramConfiguration { LabelNames = ["grpc_service", "grpc_method", "grpc_type"], Buckets = LatencyBuckets });
        NodeCallDuration = factory.CreateHistogram("gitaly_praefect_node_call_duration_seconds", "Time a forwarded call spent on a node, by virtual storage and node storage.",
            new HistogramConfiguration { LabelNames = ["virtual_storage", "storage"], Buckets = LatencyBuckets });
        Authentications = factory.CreateCounter("gitaly_authentications_total", "Authentication checks of incoming calls, by result.",
            new CounterConfiguration { LabelNames = ["enforced", "status"] });
        MethodTypes = factory.CreateCounter("gitaly_praefect_method_types", "Routed calls by method type (mutator or accessor).",
            new CounterConfiguration { LabelNames = ["method_type"] });
        ProxyErrors = factory.CreateCounter("gitaly_praefect_proxy_errors_total", "Forwarding failures by stage and side (client or node).",
            new CounterConfiguration { LabelNames = ["stage", "side"] });
        FanoutFailures = factory.CreateCounter("gitaly_praefect_fanout_failures_total", "Server-scoped mutators that failed on a secondary node.",
            new CounterConfiguration { LabelNames = ["virtual_storage", "storage", "grpc_method"] });
        AuthenticationDisabled = factory.CreateGauge("gitaly_praefect_authentication_disabled", "1 when auth.token is empty and calls are not authenticated.");
        Reloads = factory.CreateCounter("gitaly_praefect_config_reloads_total", "Configuration reloads (SIGHUP), by result.",
            new CounterConfiguration { LabelNames = ["result"] });
        ReadDistribution = factory.CreateCounter("gitaly_praefect_read_distribution", "Counts read operations directed to the storages.",
            new CounterConfiguration { LabelNames = ["virtual_storage", "storage"] });
        Primaries = factory.CreateGauge("gitaly_praefect_primaries", "1 for the node that is the primary of its virtual storage, 0 for the others.",
            new GaugeConfiguration { LabelNames = ["virtual_storage", "gitaly_storage"] });
        NodeLastHealthcheckUp = factory.CreateGauge("gitaly_praefect_node_last_healthcheck_up", "Whether the node is healthy according to its last health checks (1 healthy, 0 unhealthy).",
            new GaugeConfiguration { LabelNames = ["gitaly_storage"] });
        NodeLatency = factory.CreateHistogram("gitaly_praefect_node_latency", "Time a health check of the node took, in seconds.",
            new HistogramConfiguration { LabelNames = ["gitaly_storage"], Buckets = LatencyBuckets });
        ReplicationLatency = factory.CreateHistogram("gitaly_praefect_replication_latency", "Time replication jobs take to execute, in seconds, by change type.",
            new HistogramConfiguration { LabelNames = ["type"], Buckets = LatencyBuckets });
        ReplicationDelay = factory.CreateHistogram("gitaly_praefect_replication_delay", "Time between a replication job becoming ready and its start, in seconds, by change type.",
            new HistogramConfiguration { LabelNames = ["type"], Buckets = LatencyBuckets });
        ReplicationJobsInFlight = factory.CreateGauge("gitaly_praefect_replication_jobs", "Number of replication jobs in flight.",
            new GaugeConfiguration { LabelNames = ["virtual_storage", "gitaly_storage", "change_type"] });
        ReplicationQueueDepth = factory.CreateGauge("gitaly_praefect_replication_queue_depth", "Number of jobs in the replication queue.",
            new GaugeConfiguration { LabelNames = ["virtual_storage", "target_node", "state"] });
        ReplicationResults = factory.CreateCounter("gitaly_praefect_replication_results_total", "Replication job executions by result.",
            new CounterConfiguration { LabelNames = ["virtual_storage", "target_node", "result"] });
        ChecksumMismatches = factory.CreateCounter("gitaly_praefect_checksum_mismatch_total", "Replications whose target checksum differed from the source's afterwards.",
            new CounterConfiguration { LabelNames = ["target", "source"] });
        Failovers = factory.CreateCounter("gitaly_praefect_failovers_total", "Failover requests by virtual storage, trigger and outcome (switched, forced, already_primary, refused).",
            new CounterConfiguration { LabelNames = ["virtual_storage", "trigger", "outcome"] });
        TransactionActions = factory.CreateCounter("gitaly_praefect_transactions_total", "Total number of transaction actions",
            new CounterConfiguration { LabelNames = ["action"] });
        TransactionDelay = factory.CreateHistogram("gitaly_praefect_transactions_delay_seconds", "Delay between casting a vote and reaching quorum",
            new HistogramConfiguration { LabelNames = ["action"], Buckets = LatencyBuckets });
        SubtransactionsPerTransaction = factory.CreateHistogram("gitaly_praefect_subtransactions_per_transaction_total", "The number of subtransactions created for a single registered transaction",
            new HistogramConfiguration { Buckets = [0, 1, 2, 4, 8, 16, 32] });
        VotersPerTransaction = factory.CreateHistogram("gitaly_praefect_voters_per_transaction_total", "The number of nodes taking part in a single registered transaction",
            new HistogramConfiguration { Buckets = [1, 2, 3, 4, 5, 8, 16] });
        Handled = new(l => CallsHandled.WithLabels(l.Service, l.Method, l.Type, l.Code));
        Handling = new(l => CallDuration.WithLabels(l.Service, l.Method, l.Type));
        NodeCall = new(l => NodeCallDuration.WithLabels(l.VirtualStorage, l.Storage));
        Authentication = new(l => Authentications.WithLabels(l.Enforced, l.Status));
        MethodType = new(t => MethodTypes.WithLabels(t));
        var buildInfo = factory.CreateGauge("gitaly_praefect_build_info", "Build information; the value is always 1.",
            new GaugeConfiguration { LabelNames = ["version", "runtime"] });
        buildInfo.WithLabels(version, Environment.Version.ToString()).Set(1);
    }

    /// <summary>The registry <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    public Counter CallsHandled { get; }

    /// <summary>The children of the metrics every call touches, found without allocating (<see cref="LabelledChildren{TLabels, TChild}"/>).</summary>
    public LabelledChildren<(string Service, string Method, string Type, string Code), Counter.Child> Handled { get; }

    public LabelledChildren<(string Service, string Method, string Type), Histogram.Child> Handling { get; }

    public LabelledChildren<(string VirtualStorage, string Storage), Histogram.Child> NodeCall { get; }

    public LabelledChildren<(string Enforced, string Status), Counter.Child> Authentication { get; }

    public LabelledChildren<string, Counter.Child> MethodType { get; }

    public Histogram CallDuration { get; }

    public Histogram NodeCallDuration { get; }

    public Counter Authentications { get; }

    public Counter MethodTypes { get; }

    public Counter ProxyErrors { get; }

    public Counter FanoutFailures { get; }

    public Gauge AuthenticationDisabled { get; }

    public Counter Reloads { get; }

    /// <summary>Go: <c>gitaly_praefect_read_distribution{virtual_storage,storage}</c>.</summary>
    public Counter ReadDistribution { get; }

    /// <summary>Go: <c>gitaly_praefect_primaries{virtual_storage,gitaly_storage}</c>.</summary>
    public Gauge Primaries { get; }

    /// <summary>Go: <c>gitaly_praefect_node_last_healthcheck_up{gitaly_storage}</c>.</summary>
    public Gauge NodeLastHealthcheckUp { get; }

    /// <summary>Go: <c>gitaly_praefect_node_latency{gitaly_storage}</c>, the health check's duration.</summary>
    public Histogram NodeLatency { get; }

    /// <summary>Go: <c>gitaly_praefect_replication_latency{type}</c>, dequeue to done.</summary>
    public Histogram ReplicationLatency { get; }

    /// <summary>Go: <c>gitaly_praefect_replication_delay{type}</c>, ready to start.</summary>
    public Histogram ReplicationDelay { get; }

    /// <summary>Go: <c>gitaly_praefect_replication_jobs{virtual_storage,gitaly_storage,change_type}</c>, jobs executing now.</summary>
    public Gauge ReplicationJobsInFlight { get; }

    /// <summary>Go: <c>gitaly_praefect_replication_queue_depth{virtual_storage,target_node,state}</c>, all praefects sharing the datastore.</summary>
    public Gauge ReplicationQueueDepth { get; }

    /// <summary>Jobs finished by this praefect, by result (completed, failed, dead, unavailable). Go has none.</summary>
    public Counter ReplicationResults { get; }

    /// <summary>Go: <c>gitaly_praefect_checksum_mismatch_total{target,source}</c>.</summary>
    public Counter ChecksumMismatches { get; }

    public Counter Failovers { get; }

    /// <summary>Reference transaction actions (registered, started, committed, aborted, invalid); the Go Praefect's name and label.</summary>
    public Counter TransactionActions { get; }

    /// <summary>From a vote to its answer, by action (vote).</summary>
    public Histogram TransactionDelay { get; }

    public Histogram SubtransactionsPerTransaction { get; }

    public Histogram VotersPerTransaction { get; }
}
