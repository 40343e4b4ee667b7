namespace Praefect.Datastore.Failover;

/// <summary>
/// A repository that lost writes in a forced failover. Writes are rejected until accept-dataloss; after
/// it, until the primary holds <see cref="AcceptedGeneration"/> (replicated from <see cref="AcceptedStorage"/>).
/// </summary>
/// <param name="PrimaryHolds">The generation the current primary holds (0: none).</param>
public sealed record LostWritesRecord(
    string VirtualStorage,
    string RelativePath,
    long FailoverId,
    long LatestGeneration,
    string? AcceptedStorage,
    long? AcceptedGeneration,
    long PrimaryHolds)
{
    /// <summary>True once accepted and the primary holds the authoritative copy: writes may resume.</summary>
    public bool PrimaryCaughtUp => AcceptedGeneration is { } accepted && PrimaryHolds >= accepted;
}
