namespace Praefect.Datastore.Failover;

/// <summary>A primary switch to record.</summary>
/// <param name="Trigger">Who asked: praefect-ctl, reconfigure or automatic.</param>
/// <param name="Instance">The praefect that switched (host and process).</param>
/// <param name="LostWrites">Repositories the new primary does not hold the latest writes of (forced only).</param>
public sealed record PrimarySwitch(
    string VirtualStorage,
    string ExpectedPrimary,
    string NewPrimary,
    string Trigger,
    bool Forced,
    string Instance,
    IReadOnlyList<LostWritesEntry> LostWrites);
