namespace Praefect.Datastore.Failover;

/// <summary>
/// What failover keeps in the datastore: the primary switch (a compare-and-swap, so that several
/// praefects sharing PostgreSQL promote exactly once), the history of switches, and the repositories
/// that lost writes in a forced failover until an admin accepts the loss.
/// </summary>
public interface IFailoverStore
{
    /// <summary>Records <paramref name="initialPrimary"/> unless a primary is recorded already; returns the recorded one.</summary>
    Task<string> EnsurePrimaryAsync(string virtualStorage, string initialPrimary, CancellationToken cancellationToken);

    /// <summary>
    /// Switches the primary from <see cref="PrimarySwitch.ExpectedPrimary"/> to <see cref="PrimarySwitch.NewPrimary"/>,
    /// records the switch and marks <see cref="PrimarySwitch.LostWrites"/>, all in one transaction. Returns the
    /// switch's id, or null (nothing changed) when the recorded primary is no longer the expected one.
    /// </summary>
    Task<long?> SwitchPrimaryAsync(PrimarySwitch change, CancellationToken cancellationToken);

    /// <summary>Every recorded switch of a virtual storage, oldest first.</summary>
    Task<IReadOnlyList<PrimarySwitchRecord>> GetPrimarySwitchesAsync(string virtualStorage, CancellationToken cancellationToken);

    /// <summary>Repositories of a virtual storage that lost writes and are not released yet, with what <paramref name="primary"/> holds.</summary>
    Task<IReadOnlyList<LostWritesRecord>> GetLostWritesAsync(string virtualStorage, string primary, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="authoritativeStorage"/>'s copy authoritative: the repository's generation and
    /// that storage's become latest + 1. When <paramref name="releaseNow"/> (the storage is the primary) the
    /// lost-writes mark is removed; otherwise it stays until the primary holds that generation. Returns the
    /// new generation, or null when no write was ever recorded for the repository.
    /// </summary>
    Task<long?> AcceptDatalossAsync(string virtualStorage, string relativePath, string authoritativeStorage, bool releaseNow, CancellationToken cancellationToken);

    /// <summary>Removes the lost-writes mark of a repository (its primary caught up after accept-dataloss).</summary>
    Task ReleaseLostWritesAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken);
}
