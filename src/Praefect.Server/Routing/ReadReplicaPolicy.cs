using Praefect.Datastore;

namespace Praefect.Server.Routing;

/// <summary>
/// Which replicas may serve a read of one repository (or vote in its transaction): healthy nodes assigned to
/// the repository (<see cref="RepositoryAssignments"/>) that hold its current generation. Without any recorded
/// generation only the primary is known to be good.
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

        return generations.AssignedStorages(storages, primary)
            .Where(storage => isHealthy(storage) && generations.IsUpToDate(storage))
            .ToList();
    }
}
