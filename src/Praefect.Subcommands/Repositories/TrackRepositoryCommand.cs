using System.CommandLine;
using Praefect.Protocol.Metadata;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.Repositories;

/// <summary>
/// <c>track-repository -virtual-storage VS -relative-path PATH [-authoritative-storage S] [-replicate-immediately]</c>:
/// starts tracking a repository that exists on a storage but not in the datastore (see <see cref="RepositoryTracker"/>).
/// </summary>
internal static class TrackRepositoryCommand
{
    public const string Name = "track-repository";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var virtualStorage = RepositoryOptions.VirtualStorage();
        var relativePath = RepositoryOptions.RelativePath();
        var authoritative = RepositoryOptions.AuthoritativeStorage();
        var immediately = RepositoryOptions.ReplicateImmediately();
        var command = new Command(Name, $"""
            Start tracking a repository that is on a storage's disk but not in praefect's datastore: checks that the
            authoritative storage holds it and that the datastore does not track it, records it, and queues its replication
            to the other storages (with -replicate-immediately, waits until the running praefect replicated it).

            Examples:
              {output.Program} {Name} -virtual-storage default -relative-path @hashed/ab/cd/abcd.git -authoritative-storage gitaly-1
              {output.Program} {Name} -virtual-storage default -relative-path group/project.git -replicate-immediately
            """)
        {
            config,
            virtualStorage,
            relativePath,
            authoritative,
            immediately,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(virtualStorage)!, parse.GetValue(relativePath)!,
            parse.GetValue(authoritative), parse.GetValue(immediately), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string virtualStorage, string relativePath, string? authoritative, bool replicateImmediately,
        CommandOutput output, CancellationToken cancellationToken)
    {
        using var clients = new NodeClients();
        return await RepositoryOptions.RunAsync(configPath, virtualStorage, Name, output, async (_, store, vs) =>
        {
            var tracker = new RepositoryTracker(store, clients, output, Name, CorrelationId.New());
            var storage = await tracker.AuthoritativeAsync(vs, authoritative, cancellationToken);
            if (await tracker.ProblemAsync(vs, relativePath, storage, cancellationToken) is { } problem)
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: {RepositoryTracker.ErrorPrefix}: {problem}");
                return ExitCodes.Failed;
            }

            return await tracker.TrackAsync(vs, relativePath, storage, replicateImmediately, cancellationToken) ? ExitCodes.Ok : ExitCodes.Failed;
        });
    }
}
