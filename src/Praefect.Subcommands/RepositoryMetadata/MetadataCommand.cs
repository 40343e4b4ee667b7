using System.CommandLine;
using Praefect.Datastore;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.DialNodes;

namespace Praefect.Subcommands.RepositoryMetadata;

/// <summary>
/// <c>metadata --virtual-storage VS --relative-path PATH</c>: a repository's generation, primary and
/// replicas from the datastore, each replica's health from a dial, in the Go Praefect's lines.
/// This datastore keeps no repository IDs, so <c>--repository-id</c> is refused with that fix.
/// </summary>
internal static class MetadataCommand
{
    public const string Name = "metadata";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var repositoryId = new Option<long>("--repository-id") { Description = "The repository's ID (not kept by this praefect; use --virtual-storage and --relative-path)." };
        var virtualStorage = new Option<string>("--virtual-storage") { Description = "The repository's virtual storage." };
        var relativePath = new Option<string>("--relative-path") { Description = "The repository's relative path in the virtual storage." };
        var command = new Command(Name, $"""
            Show a repository's metadata: its generation, primary, and every replica's generation and health.

            Examples:
              {output.Program} {Name} --virtual-storage default --relative-path @hashed/ab/cd/abcd.git
              {output.Program} {Name} --config /var/opt/gitlab/praefect/config.yml --virtual-storage default --relative-path group/project.git
            """)
        {
            config,
            repositoryId,
            virtualStorage,
            relativePath,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(config)!, parse.GetValue(repositoryId), parse.GetValue(virtualStorage), parse.GetValue(relativePath), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, long repositoryId, string? virtualStorage, string? relativePath, CommandOutput output, CancellationToken cancellationToken)
    {
        var usage = (repositoryId, string.IsNullOrEmpty(virtualStorage), string.IsNullOrEmpty(relativePath)) switch
        {
            (not 0, _, _) => "this praefect keeps no repository IDs; name the repository with --virtual-storage and --relative-path",
            (_, true, true) => "repository ID or virtual storage and relative path required; pass --virtual-storage and --relative-path",
            (_, true, false) => "virtual storage is required with relative path; pass --virtual-storage",
            (_, false, true) => "relative path is required with virtual storage; pass --relative-path",
            _ => null,
        };
        if (usage is not null)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: {usage}");
            return ExitCodes.Usage;
        }

        var loaded = RuntimeDatastore.Load(configPath, Name, output);
        if (loaded is not { } opened)
        {
            return ExitCodes.Usage;
        }

        await using var store = opened.Store;
        var vs = opened.Config.VirtualStorages.FirstOrDefault(v => v.Name == virtualStorage);
        if (vs is null)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: virtual storage '{virtualStorage}' is not in {configPath}; see '{output.Program} list-storages'");
            return ExitCodes.Failed;
        }

        RepositoryGenerations? generations;
        string primary;
        try
        {
            generations = await store.GetGenerationsAsync(vs.Name, relativePath!, cancellationToken);
            primary = await CurrentPrimary.GetAsync(store, vs, cancellationToken);
        }
        catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: {e.Message}");
            return ExitCodes.Failed;
        }

        if (generations is null)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: repository not found: no repository '{relativePath}' in virtual storage '{vs.Name}' is recorded");
            return ExitCodes.Failed;
        }

        var health = await Task.WhenAll(vs.Nodes.Select(node => NodeDialer.DialAsync(vs.Name, node, TimeSpan.FromSeconds(5), cancellationToken)));
        var o = output.Out;
        o.WriteLine($"Virtual Storage: \"{vs.Name}\"");
        o.WriteLine($"Relative Path: \"{relativePath}\"");
        o.WriteLine($"Replica Path: \"{relativePath}\"");
        o.WriteLine($"Primary: \"{primary}\"");
        o.WriteLine($"Generation: {generations.Generation}");
        o.WriteLine("Replicas:");
        foreach (var (node, dial) in vs.Nodes.Zip(health))
        {
            var held = generations.Storages.TryGetValue(node.Storage, out var g) ? g : -1;
            var text = held == -1 ? "replica not yet created"
                : held < generations.Generation ? $"{held}, behind by {generations.Generation - held} changes"
                : $"{held}, fully up to date";
            o.WriteLine($"- Storage: \"{node.Storage}\"");
            o.WriteLine("  Assigned: true");
            o.WriteLine($"  Generation: {text}");
            o.WriteLine($"  Healthy: {(dial.Succeeded ? "true" : "false")}");
            o.WriteLine($"  Valid Primary: {(dial.Succeeded && held >= generations.Generation ? "true" : "false")}");
            o.WriteLine("  Verified At: unverified");
        }

        return ExitCodes.Ok;
    }
}
