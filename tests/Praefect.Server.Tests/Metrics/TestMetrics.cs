using Praefect.Server.Metrics;

namespace Praefect.Server.Tests.Metrics;

/// <summary>A metrics home with its own registry, so tests never share counters.</summary>
internal static class TestMetrics
{
    public static PraefectMetrics Create() => new("test", Prometheus.Metrics.NewCustomRegistry());
}
