namespace Praefect.Datastore;

/// <summary>
/// Which storages of a virtual storage hold a repository (the Go Praefect's host assignments, set by
/// <c>set-replication-factor</c>): the one rule every part of praefect asks, replication fan-out, distributed
/// reads, transactions, dataloss and verify. A repository without assignments is assigned to every configured
/// storage; the primary is always assigned (it takes the writes), whatever the rows say.
/// </summary>
public static class RepositoryAssignments
{
    /// <summary>
    /// The storages of <paramref name="configured"/> (in their order) assigned to the repository, given its
    /// <paramref name="assigned"/> rows: all of them when no row names a configured storage, else those rows and <paramref name="primary"/>.
    /// </summary>
    public static IReadOnlyList<string> Of(IReadOnlyCollection<string> assigned, IEnumerable<string> configured, string? primary)
    {
        var storages = configured as IReadOnlyList<string> ?? configured.ToList();
        if (!storages.Any(assigned.Contains))
        {
            return storages;
        }

        return storages.Where(storage => storage == primary || assigned.Contains(storage)).ToList();
    }

    /// <summary>
    /// The assignments after setting the replication factor to <paramref name="factor"/>: from the <paramref name="existing"/>
    /// assignments among <paramref name="configured"/>, storages are added (the primary first, then picked at random) or removed
    /// (never the primary, picked at random) until there are <paramref name="factor"/>. Sorted by name, as Go prints them.
    /// </summary>
    public static IReadOnlyList<string> Plan(IReadOnlyCollection<string> existing, IReadOnlyList<string> configured, string primary, int factor, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(factor, configured.Count);
        var result = configured.Where(existing.Contains).ToList();
        if (result.Count < factor)
        {
            var candidates = configured.Where(storage => !result.Contains(storage)).OrderBy(_ => random.Next())
                .OrderByDescending(storage => storage == primary).ToList();
            result.AddRange(candidates.Take(factor - result.Count));
        }
        else if (result.Count > factor)
        {
            var removable = result.Where(storage => storage != primary).OrderBy(_ => random.Next()).Take(result.Count - factor).ToList();
            result.RemoveAll(removable.Contains);
        }

        return result.Order(StringComparer.Ordinal).ToList();
    }
}
