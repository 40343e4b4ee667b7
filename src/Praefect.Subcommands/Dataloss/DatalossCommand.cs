using System.CommandLine;
using Praefect.Subcommands.Common;
using Praefect.Datastore;

namespace Praefect.Subcommands.Dataloss;

/// <summary>
/// <c>praefect-ctl dataloss</c>: repositories with a replica behind the repository's generation (what
/// a failover to that replica would lose), from the generations in the datastore.
/// </summary>
internal static class DatalossCommand
{
    public const string Name = "dataloss";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var virtualStorage = new Option<string?>("--virtual-storage") { Description = "Only this virtual storage (default: all)." };
        var command = new Command(Name, $"""
            List the repositories with a replica behind the primary: which replicas, and by how many generations (writes).

            Examples:
              {output.Program} dataloss
              {output.Program} dataloss --virtual-storage default
            """)
        {
            config,
            virtualStorage,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(virtualStorage), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string? virtualStorage, CommandOutput output, CancellationToken cancellationToken)
    {
        var loaded = RuntimeDatastore.Load(configPath, Name, output);
        if (loaded is null)
        {
            return ExitCodes.Usage;
        }

        var (config, store) = loaded.Value;

        await using var _ = store;
        var virtualStorages = VirtualStorageSelection.Select(config, virtualStorage, configPath, output.Error, $"{output.Program} {Name}");
        if (virtualStorages is null)
        {
            return ExitCodes.Usage;
        }

        try
        {
            foreach (var vs in virtualStorages)
            {
                var storages = vs.Nodes.Select(n => n.Storage).ToList();
                var primary = await CurrentPrimary.GetAsync(store, vs, cancellationToken);

                // Only the storages assigned to a repository are expected to hold it (set-replication-factor).
                var behind = (await store.GetAllGenerationsAsync(vs.Name, cancellationToken))
                    .Select(repository => (repository, outdated: repository.Outdated(repository.AssignedStorages(storages, primary))))
                    .Where(r => r.outdated.Count > 0)
                    .ToList();
                output.Out.WriteLine(behind.Count == 0
                    ? $"virtual storage '{vs.Name}': every replica is up to date"
                    : $"virtual storage '{vs.Name}': {behind.Count} repositories with replicas behind");
                foreach (var (repository, outdated) in behind)
                {
                    output.Out.WriteLine($"  {repository.RelativePath} (generation {repository.Generation}): " +
                        string.Join(", ", outdated.Select(o => $"{o.Storage} behind by {o.Behind}")));
                }

                // Repositories a forced failover marked: their writes are rejected until accept-dataloss.
                foreach (var lost in await store.GetLostWritesAsync(vs.Name, primary, cancellationToken))
                {
                    output.Out.WriteLine($"  {lost.RelativePath}: lost writes in a forced failover (generation {lost.LatestGeneration}, primary '{primary}' holds {lost.PrimaryHolds}); " +
                        $"writes rejected until '{output.Program} accept-dataloss'");
                }
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
