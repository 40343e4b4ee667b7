using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Subcommands.DialNodes;

namespace Praefect.Subcommands.Check;

/// <summary>The checks of <c>check</c>, named as the Go Praefect names its start-up checks.</summary>
internal static class StartupChecks
{
    public static IReadOnlyList<StartupCheck> For(RuntimeConfig config, IDatastore store) =>
    [
        new("Praefect migrations", "confirms whether or not all migrations have run", StartupCheck.Fatal, async ct =>
        {
            var pending = (await store.GetMigrationStatusAsync(ct)).Where(m => m.AppliedAt is null).Select(m => m.Name).ToList();
            return pending.Count == 0 ? null : $"{pending.Count} migrations have not run ({string.Join(", ", pending)}); run 'praefect sql-migrate'";
        }),
        new("Node connectivity", "confirms if praefect can reach all of its gitaly nodes", StartupCheck.Fatal, async ct =>
        {
            var results = await Task.WhenAll(config.VirtualStorages.SelectMany(vs => vs.Nodes.Select(node => NodeDialer.DialAsync(vs.Name, node, TimeSpan.FromSeconds(5), ct))));
            var failed = results.Where(r => !r.Succeeded).Select(r => r.Describe()).ToList();
            return failed.Count == 0 ? null : string.Join("; ", failed);
        }),
        new("Database read/write", "checks if praefect can write to and read from the database", StartupCheck.Fatal, async ct =>
        {
            await store.HeartbeatAsync("praefect-check", ct);
            await store.GetQueueStatusAsync(ct);
            return null;
        }),
        new("Unavailable repositories", "lists repositories that no configured node holds at their latest generation", StartupCheck.Warning, async ct =>
        {
            var configured = config.VirtualStorages.ToDictionary(vs => vs.Name, vs => vs.Nodes.Select(n => n.Storage).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            var unavailable = (await store.GetAllGenerationsAsync(null, ct))
                .Where(repo => configured.TryGetValue(repo.VirtualStorage, out var storages)
                    && !repo.Storages.Any(s => storages.Contains(s.Key) && s.Value >= repo.Generation))
                .Select(repo => $"{repo.VirtualStorage}/{repo.RelativePath}")
                .ToList();
            return unavailable.Count == 0 ? null : $"{unavailable.Count} repositories are unavailable: {string.Join(", ", unavailable)}";
        }),
    ];
}
