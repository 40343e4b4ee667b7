using Prometheus;

namespace Praefect.Server.Metrics;

/// <summary>
/// Every metric praefect exports. Names follow Gitaly and go-grpc-prometheus where one exists so
/// existing dashboards keep working.
/// </summary>
internal sealed class PraefectMetrics
{
    private static readonly double[] LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    public PraefectMetrics(string version)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.DefaultRegistry);
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
        var buildInfo = factory.CreateGauge("gitaly_praefect_build_info", "Build information; the value is always 1.",
            new GaugeConfiguration { LabelNames = ["version", "runtime"] });
        buildInfo.WithLabels(version, Environment.Version.ToString()).Set(1);
    }

    public Counter CallsHandled { get; }

    public Histogram CallDuration { get; }

    public Histogram NodeCallDuration { get; }

    public Counter Authentications { get; }

    public Counter MethodTypes { get; }

    public Counter ProxyErrors { get; }

    public Counter FanoutFailures { get; }

    public Gauge AuthenticationDisabled { get; }

    public Counter Reloads { get; }
}
