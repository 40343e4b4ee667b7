namespace Praefect.Server.Failover;

/// <summary>The <c>outcome</c> label of <c>gitaly_praefect_failovers_total</c>.</summary>
internal static class FailoverOutcomeNames
{
    public static string Name(FailoverOutcome outcome) => outcome switch
    {
        FailoverOutcome.Switched => "switched",
        FailoverOutcome.Forced => "forced",
        FailoverOutcome.AlreadyPrimary => "already_primary",
        _ => "refused",
    };
}
