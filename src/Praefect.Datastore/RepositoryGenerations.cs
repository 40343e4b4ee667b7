namespace Praefect.Datastore;

/// <summary>
/// A repository's generation (raised by every acknowledged mutator) and the generation each storage
/// holds. A storage absent from <see cref="Storages"/> holds nothing known.
/// </summary>
public sealed record RepositoryGenerations(
    string VirtualStorage,
    string RelativePath,
    long Generation,
    IReadOnlyDictionary<string, long> Storages)
{
    /// <summary>Storages of <paramref name="configured"/> behind the repository's generation, with how far.</summary>
    public IReadOnlyList<(string Storage, long Behind)> Outdated(IEnumerable<string> configured) =>
        configured
            .Select(storage => (storage, Behind: Generation - (Storages.TryGetValue(storage, out var held) ? held : 0)))
            .Where(replica => replica.Behind > 0)
            .ToList();
}
