using System.CommandLine;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.DialNodes;

namespace Praefect.Subcommands.Dataloss;

/// <summary>
/// <c>dataloss [-virtual-storage VS] [-partially-unavailable]</c>, in the Go Praefect's format: per virtual storage the
/// repositories that are unavailable (no healthy storage holds their latest generation), with
/// <c>-partially-unavailable</c> also those with an assigned storage outdated or unhealthy; each with its primary, its
/// in-sync and its outdated storages (<c>, assigned host</c>, <c>, unhealthy</c>). Generations and assignments come from
/// the datastore, health from a health check of every node (straight from the config, as metadata does).
/// </summary>
internal static class DatalossCommand
{
    public const string Name = "dataloss";

    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(5);

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var virtualStorage = new Option<string?>("--virtual-storage") { Description = "Only this virtual storage (default: all)." };
        var partially = new Option<bool>("--partially-unavailable")
        {
            Description = "Also list the repositories that are available but have an assigned storage outdated or unhealthy (not fully replicated).",
        };
        var command = new Command(Name, $"""
            List the repositories that may have lost data: those no healthy storage holds the latest generation of (unavailable)
            and, with -partially-unavailable, those with an assigned storage outdated or unhealthy; each with its primary, its
            in-sync and its outdated storages, as the Go Praefect prints them.

            Examples:
              {output.Program} dataloss
              {output.Program} dataloss -virtual-storage default -partially-unavailable
            """)
        {
            config,
            virtualStorage,
            partially,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(virtualStorage), parse.GetValue(partially), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string? virtualStorage, bool partiallyUnavailable, CommandOutput output, CancellationToken cancellationToken)
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

        return await RuntimeDatastore.GuardAsync(Name, output, async () =>
        {
            foreach (var vs in virtualStorages.OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                await ReportAsync(store, vs, partiallyUnavailable, output, cancellationToken);
            }

            return ExitCodes.Ok;
        });
    }

    private static async Task ReportAsync(IDatastore store, VirtualStorageConfig vs, bool partiallyUnavailable, CommandOutput output, CancellationToken cancellationToken)
    {
        var o = output.Out;
        var storages = vs.Nodes.Select(n => n.Storage).ToList();
        var primary = await CurrentPrimary.GetAsync(store, vs, cancellationToken);
        var dialled = await Task.WhenAll(vs.Nodes.Select(node => NodeDialer.DialAsync(vs.Name, node, DialTimeout, cancellationToken)));
        var healthy = dialled.Where(d => d.Succeeded).Select(d => d.Storage).ToHashSet(StringComparer.Ordinal);
        o.WriteLine($"Virtual storage: {vs.Name}");
        var listed = false;
        foreach (var repository in await store.GetAllGenerationsAsync(vs.Name, cancellationToken))
        {
            var assigned = repository.AssignedStorages(storages, primary);
            var unavailable = !storages.Any(storage => repository.IsUpToDate(storage) && healthy.Contains(storage));
            var partial = assigned.Any(storage => !repository.IsUpToDate(storage) || !healthy.Contains(storage));
            if (!unavailable && !(partiallyUnavailable && partial))
            {
                continue;
            }

            if (!listed)
            {
                o.WriteLine("  Repositories:");
                listed = true;
            }

            // Go lists the storages that hold a copy or are assigned, by name.
            var shown = storages.Where(storage => repository.Storages.ContainsKey(storage) || assigned.Contains(storage)).Order(StringComparer.Ordinal).ToList();
            string Marks(string storage) => (assigned.Contains(storage) ? ", assigned host" : "") + (healthy.Contains(storage) ? "" : ", unhealthy");
            o.WriteLine($"    {repository.RelativePath}{(unavailable ? " (unavailable)" : "")}:");
            o.WriteLine($"      Primary: {primary}");
            o.WriteLine("      In-Sync Storages:");
            foreach (var storage in shown.Where(repository.IsUpToDate))
            {
                o.WriteLine($"        {storage}{Marks(storage)}");
            }

            o.WriteLine("      Outdated Storages:");
            foreach (var storage in shown.Where(storage => !repository.IsUpToDate(storage)))
            {
                var behind = repository.Generation - repository.Storages.GetValueOrDefault(storage);
                o.WriteLine($"        {storage} is behind by {behind} change{(behind > 1 ? "s" : "")} or less{Marks(storage)}");
            }
        }

        if (!listed)
        {
            o.WriteLine(partiallyUnavailable ? "  All repositories are fully available on all assigned storages!" : "  All repositories are available!");
        }

        // Repositories a forced failover marked (ours; Go has no such mark): their writes are rejected until accept-dataloss.
        foreach (var lost in await store.GetLostWritesAsync(vs.Name, primary, cancellationToken))
        {
            o.WriteLine($"  {lost.RelativePath}: lost writes in a forced failover (generation {lost.LatestGeneration}, primary '{primary}' holds {lost.PrimaryHolds}); " +
                $"writes rejected until '{output.Program} accept-dataloss'");
        }
    }
}
