using System.CommandLine;
using Praefect.Protocol.Metadata;
using Praefect.Subcommands.Nodes;
using Praefect.Subcommands.Repositories;

using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.Verify;

/// <summary>
/// <c>verify -virtual-storage VS [-storage S] [-relative-path PATH]</c>: the Go Praefect's flags (<c>-repository-id</c>
/// is refused: this datastore keeps no repository IDs, so <c>-relative-path</c> names one repository instead). Go marks the
/// replicas unverified for its background verifier; this datastore has none, so the replicas are verified now
/// (<see cref="ReplicaVerifier"/>) and the ones missing or differing are marked outdated with a replication job queued.
/// Exit 1 when a replica could not be verified.
/// </summary>
internal static class VerifyCommand
{
    public const string Name = "verify";

    public static Command Create(CommandOutput output)
    {
        var config = Common.RuntimeDatastore.ConfigOption();
        var repositoryId = new Option<long>("--repository-id") { Description = "The repository's ID (not kept by this praefect; use -virtual-storage and -relative-path)." };
        var virtualStorage = new Option<string?>("--virtual-storage") { Description = "The virtual storage whose repositories to verify." };
        var storage = new Option<string?>("--storage") { Description = "Only the replicas on this storage of the virtual storage." };
        var relativePath = new Option<string?>("--relative-path") { Description = "Only this repository of the virtual storage (ours; Go names it by -repository-id)." };
        var command = new Command(Name, $"""
            Verify replicas now: each replica's checksum (CalculateChecksum) against the primary's. A replica that is missing
            or differs is marked outdated in the datastore and a replication job from the primary is queued, which the running
            praefect executes. (The Go Praefect only marks replicas for its background verifier; this praefect has none.)

            Examples:
              {output.Program} {Name} -virtual-storage default -relative-path @hashed/ab/cd/abcd.git
              {output.Program} {Name} -virtual-storage default -storage gitaly-2
              {output.Program} {Name} -virtual-storage default
            """)
        {
            config,
            repositoryId,
            virtualStorage,
            storage,
            relativePath,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(repositoryId), parse.GetValue(virtualStorage),
            parse.GetValue(storage), parse.GetValue(relativePath), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, long repositoryId, string? virtualStorage, string? storage, string? relativePath,
        CommandOutput output, CancellationToken cancellationToken)
    {
        var usage = (repositoryId, string.IsNullOrEmpty(virtualStorage), string.IsNullOrEmpty(storage), string.IsNullOrEmpty(relativePath)) switch
        {
            (not 0, _, _, _) => "this praefect keeps no repository IDs; name the repository with -virtual-storage and -relative-path",
            (_, true, false, _) => "virtual storage must be passed with storage",
            (_, true, _, false) => "virtual storage must be passed with relative path",
            (_, true, true, true) => "(repository id), (virtual storage) or (virtual storage, storage) required; pass -virtual-storage",
            _ => null,
        };
        if (usage is not null)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: {usage}");
            return ExitCodes.Usage;
        }

        using var clients = new NodeClients();
        return await RepositoryOptions.RunAsync(configPath, virtualStorage!, Name, output, async (_, store, vs) =>
        {
            if (storage is not null && vs.Nodes.All(n => n.Storage != storage))
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: storage '{storage}' is not in virtual storage '{vs.Name}'; configured: {string.Join(", ", vs.Nodes.Select(n => n.Storage))}");
                return ExitCodes.Usage;
            }

            var repositories = string.IsNullOrEmpty(relativePath)
                ? await store.GetAllGenerationsAsync(vs.Name, cancellationToken)
                : await store.GetGenerationsAsync(vs.Name, relativePath, cancellationToken) is { } one ? [one] : [];
            if (repositories.Count == 0 && !string.IsNullOrEmpty(relativePath))
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: repository is not being tracked in Praefect; track it with '{output.Program} track-repository'");
                return ExitCodes.Failed;
            }

            var primary = await CurrentPrimary.GetAsync(store, vs, cancellationToken);
            var verifier = new ReplicaVerifier(store, clients, output, CorrelationId.New());
            foreach (var repository in repositories.OrderBy(r => r.RelativePath, StringComparer.Ordinal))
            {
                await verifier.VerifyAsync(vs, primary, repository, storage, cancellationToken);
            }

            var (verified, outdated, failed) = verifier.Counts;
            output.Out.WriteLine($"{verified} replicas verified, {outdated} marked outdated" + (failed > 0 ? $", {failed} could not be verified" : ""));

            // Go's last line, for the scripts that read it: Go marks the replicas for its background verifier, this command verified them.
            output.Out.WriteLine($"{verified + failed} replicas marked unverified");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
    }
}
