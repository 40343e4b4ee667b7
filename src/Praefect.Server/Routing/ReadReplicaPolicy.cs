using Praefect.Datastore;

namespace Praefect.Server.Routing;

/// <summary>
/// Which replicas may serve a read of one repository: healthy nodes that hold the repository's
/// current generation. Without any recorded generation only the primary is known to be good.
/// </summary>
internal static class ReadReplicaPolicy
{
    public static IReadOnlyList<string> Candidates(
        string primary, IEnumerable<string> storages, RepositoryGenerations? generations, Func<string, bool> isHealthy)
    {
        if (generations is null)
        {
            return isHealthy(primary) ? [primary] : [];
        }

        return storages
            .Where(storage => isHealthy(storage)
                && generations.Storages.TryGetValue(storage, out var held)
                && held >= generations.Generation)
            .ToList();
    }
}
