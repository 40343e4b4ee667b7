using System.CommandLine;
using Praefect.Datastore;
using Praefect.Protocol.Metadata;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Repositories;

namespace Praefect.Subcommands.SetReplicationFactor;

/// <summary>
/// <c>set-replication-factor -virtual-storage VS -repository PATH -replication-factor N</c>, as in the Go Praefect: assigns
/// or unassigns storages until N hold the repository (the primary is assigned first and never unassigned) and prints
/// Go's line <c>current assignments: gitaly-1, gitaly-2</c>. Works on the datastore straight from the config (praefect
/// need not run, and follows the change at its next call). A newly assigned storage that does not hold the latest
/// generation gets a replication job from the primary; an unassigned storage keeps its copy on disk, as in Go.
/// </summary>
internal static class SetReplicationFactorCommand
{
    public const string Name = "set-replication-factor";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var virtualStorage = RepositoryOptions.VirtualStorage();
        var repository = new Option<string>("--repository") { Description = "Relative path of the repository to set the replication factor for.", Required = true };
        var factor = new Option<int>("--replication-factor") { Description = "The desired replication factor: how many storages hold the repository (at least 1, at most the virtual storage's storages).", Required = true };
        var command = new Command(Name, $"""
            Set how many storages of its virtual storage hold a repository: storages are assigned (the primary first) or
            unassigned (never the primary) until the factor is met; prints the assignments. Writes then replicate only to the
            assigned storages, and reads, transactions, dataloss and verify consider only them.

            Examples:
              {output.Program} {Name} -virtual-storage default -repository @hashed/ab/cd/abcd.git -replication-factor 2
              {output.Program} {Name} -virtual-storage default -repository group/project.git -replication-factor 3
            """)
        {
            config,
            virtualStorage,
            repository,
            factor,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(virtualStorage)!, parse.GetValue(repository)!,
            parse.GetValue(factor), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string virtualStorage, string relativePath, int factor, CommandOutput output, CancellationToken cancellationToken)
    {
        return await RepositoryOptions.RunAsync(configPath, virtualStorage, Name, output, async (_, store, vs) =>
        {
            var configured = vs.Nodes.Select(n => n.Storage).ToList();
            if (Problem(factor, configured.Count) is { } problem)
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: {problem}");
                return ExitCodes.Failed;
            }

            var primary = await CurrentPrimary.GetAsync(store, vs, cancellationToken);
            var before = await store.GetGenerationsAsync(vs.Name, relativePath, cancellationToken);
            var assigned = before is null ? null : await store.SetReplicationFactorAsync(vs.Name, relativePath, factor, primary, configured, cancellationToken);
            if (before is null || assigned is null)
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: repository \"{vs.Name}\"/\"{relativePath}\" not found; " +
                    $"track it first with '{output.Program} track-repository -virtual-storage {vs.Name} -relative-path {relativePath}'");
                return ExitCodes.Failed;
            }

            await ReplicateToNewlyAssignedAsync(store, before, primary, assigned, cancellationToken);
            output.Out.WriteLine($"current assignments: {string.Join(", ", assigned)}");
            return ExitCodes.Ok;
        });
    }

    /// <summary>Go's messages for a factor it cannot set, or null.</summary>
    public static string? Problem(int factor, int storages) => factor switch
    {
        < 1 => $"attempted to set replication factor {factor} but minimum is 1",
        _ when factor > storages => $"attempted to set replication factor {factor} but virtual storage only contains {storages} storages",
        _ => null,
    };

    /// <summary>Queues a copy from the primary to every assigned storage that does not hold the repository's latest generation.</summary>
    private static async Task ReplicateToNewlyAssignedAsync(IDatastore store, RepositoryGenerations generations, string primary, IReadOnlyList<string> assigned,
        CancellationToken cancellationToken)
    {
        var correlationId = CorrelationId.New();
        var jobs = assigned
            .Where(storage => storage != primary && !generations.IsUpToDate(storage))
            .Select(storage => new JobRequest(generations.VirtualStorage, generations.RelativePath, primary, storage, Name, CorrelationId: correlationId))
            .ToList();
        if (jobs.Count == 0)
        {
            return;
        }

        await store.MarkReadyAsync(await store.RecordPendingAsync(jobs, Name, cancellationToken), cancellationToken);
    }
}
