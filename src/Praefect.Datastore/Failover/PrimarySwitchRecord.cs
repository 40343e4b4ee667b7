namespace Praefect.Datastore.Failover;

/// <summary>A recorded primary switch.</summary>
public sealed record PrimarySwitchRecord(
    long Id,
    string VirtualStorage,
    string PreviousPrimary,
    string NewPrimary,
    string Trigger,
    bool Forced,
    int LostRepositories,
    string Instance,
    DateTimeOffset CreatedAt);
