using Praefect.Datastore;

namespace Praefect.Server.Failover;

/// <summary>What a failover would cost, computed from repository generations.</summary>
internal static class DatalossCalculator
{
    /// <summary>
    /// The repositories whose latest generation <paramref name="target"/> does not hold, ordered by
    /// path: these writes would be lost if <paramref name="target"/> became the primary now.
    /// </summary>
    public static IReadOnlyList<LostWrite> WouldLose(IEnumerable<RepositoryGenerations> repositories, string target) =>
        repositories
            .Select(repository => (Repository: repository, Held: HeldBy(repository, target)))
            .Where(entry => entry.Held < entry.Repository.Generation)
            .Select(entry => new LostWrite(
                entry.Repository.RelativePath,
                entry.Repository.Generation,
                entry.Held,
                entry.Repository.Storages
                    .Where(storage => storage.Value >= entry.Repository.Generation)
                    .Select(storage => storage.Key)
                    .Order(StringComparer.Ordinal)
                    .ToArray()))
            .OrderBy(lost => lost.RelativePath, StringComparer.Ordinal)
            .ToArray();

    /// <summary>True when <paramref name="storage"/> holds the latest generation of <paramref name="repository"/>.</summary>
    public static bool IsUpToDate(RepositoryGenerations repository, string storage) =>
        HeldBy(repository, storage) >= repository.Generation;

    public static long HeldBy(RepositoryGenerations repository, string storage) =>
        repository.Storages.TryGetValue(storage, out var held) ? held : 0;
}
