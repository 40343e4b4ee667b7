namespace Praefect.Server.Failover;

/// <summary>The result of a <see cref="FailoverOrder"/>.</summary>
/// <param name="Lost">Refused: what would be lost; Forced: what was lost.</param>
internal sealed record FailoverResult(
    FailoverOutcome Outcome,
    string PreviousPrimary,
    string NewPrimary,
    string Reason,
    IReadOnlyList<LostWrite> Lost,
    TimeSpan Duration)
{
    public static FailoverResult Refused(string primary, string reason, TimeSpan duration, IReadOnlyList<LostWrite>? lost = null) =>
        new(FailoverOutcome.Refused, primary, primary, reason, lost ?? [], duration);
}
