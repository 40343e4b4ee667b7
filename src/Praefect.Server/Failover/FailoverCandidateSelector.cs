using Praefect.Datastore;

namespace Praefect.Server.Failover;

/// <summary>Which secondary automatic failover promotes.</summary>
internal static class FailoverCandidateSelector
{
    /// <summary>
    /// The healthy secondary that is up to date for the most repositories; ties go to the first in
    /// config order so every praefect picks the same node. Null when no secondary is healthy.
    /// </summary>
    public static string? Choose(IReadOnlyList<string> healthySecondaries, IReadOnlyCollection<RepositoryGenerations> repositories)
    {
        string? best = null;
        var bestCount = -1;
        foreach (var candidate in healthySecondaries)
        {
            var upToDate = repositories.Count(repository => DatalossCalculator.IsUpToDate(repository, candidate));
            if (upToDate > bestCount)
            {
                best = candidate;
                bestCount = upToDate;
            }
        }

        return best;
    }
}
