namespace Praefect.Datastore;

/// <summary>
/// A repository's generation (raised by every acknowledged mutator) and the generation each storage
/// holds. A storage absent from <see cref="Storages"/> holds nothing known.
/// </summary>
/// <remarks><see cref="Assigned"/> are the repository's assignment rows (empty: every storage is assigned).</remarks>
public sealed record RepositoryGenerations(
    string VirtualStorage,
    string RelativePath,
    long Generation,
    IReadOnlyDictionary<string, long> Storages)
{
    /// <summary>The storages named by the repository's assignment rows (set-replication-factor); empty when it has none.</summary>
    public IReadOnlyCollection<string> Assigned { get; init; } = [];

    /// <summary>The storages of <paramref name="configured"/> assigned to the repository (<see cref="RepositoryAssignments.Of"/>).</summary>
    public IReadOnlyList<string> AssignedStorages(IEnumerable<string> configured, string? primary) =>
        RepositoryAssignments.Of(Assigned, configured, primary);

    /// <summary>True when <paramref name="storage"/> holds the repository's latest generation.</summary>
    public bool IsUpToDate(string storage) => Storages.TryGetValue(storage, out var held) && held >= Generation;

    /// <summary>Storages of <paramref name="configured"/> behind the repository's generation, with how far.</summary>
    public IReadOnlyList<(string Storage, long Behind)> Outdated(IEnumerable<string> configured) =>
        configured
            .Select(storage => (storage, Behind: Generation - (Storages.TryGetValue(storage, out var held) ? held : 0)))
            .Where(replica => replica.Behind > 0)
            .ToList();
}
