using Prometheus;

namespace Praefect.Server.Failover;

/// <summary>Failover counters.</summary>
internal static class FailoverMetrics
{
    /// <summary>Failover requests by virtual storage, trigger (praefect-ctl, reconfigure, automatic) and outcome.</summary>
    public static readonly Counter Failovers = Prometheus.Metrics.CreateCounter(
        "gitaly_praefect_failovers_total",
        "Failover requests by virtual storage, trigger and outcome (switched, forced, already_primary, refused).",
        new CounterConfiguration { LabelNames = ["virtual_storage", "trigger", "outcome"] });

    public static string Name(FailoverOutcome outcome) => outcome switch
    {
        FailoverOutcome.Switched => "switched",
        FailoverOutcome.Forced => "forced",
        FailoverOutcome.AlreadyPrimary => "already_primary",
        _ => "refused",
    };
}
