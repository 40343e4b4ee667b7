namespace Praefect.Server.Transactions;

/// <summary>How a secondary's transactional call ended: OK, or why not.</summary>
internal sealed record SecondaryOutcome(bool Succeeded, string Detail)
{
    public static readonly SecondaryOutcome Ok = new(true, "ok");
}
