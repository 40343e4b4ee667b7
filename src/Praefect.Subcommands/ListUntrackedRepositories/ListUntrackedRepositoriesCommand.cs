using System.CommandLine;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Metadata;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.ListUntrackedRepositories;

/// <summary>
/// <c>list-untracked-repositories [-older-than 6h] [-delimiter "\n"]</c>, as in the Go Praefect: walks every configured
/// storage (InternalGitaly/WalkRepos on each node, straight from the config: praefect need not run) and prints, as one
/// JSON object per repository followed by the delimiter, the repositories on disk that the datastore does not track in
/// their virtual storage; repositories modified within <c>-older-than</c> are left out (they may be being created).
/// A node that cannot be walked stops the command with an error naming it (exit 1).
/// </summary>
internal static class ListUntrackedRepositoriesCommand
{
    public const string Name = "list-untracked-repositories";

    public const string Header = "The following repositories were found on disk, but missing from the tracking database:";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var delimiter = new Option<string>("--delimiter") { Description = "String written after each repository (default: a newline).", DefaultValueFactory = _ => "\n" };
        var olderThan = GoDuration.Option("--older-than", "Only list repositories last modified before this long ago (default 6h).", TimeSpan.FromHours(6));
        var command = new Command(Name, $"""
            List the repositories on the storages' disks that praefect's datastore does not track: one JSON object a
            repository ({"{"}"relative_path":...,"storage":...,"virtual_storage":...{"}"}) on standard output, errors on standard
            error. Repositories newer than -older-than (default 6h) are left out; track the others with track-repository.

            Examples:
              {output.Program} {Name}
              {output.Program} {Name} -older-than 1s
              {output.Program} {Name} -older-than 24h -delimiter ,
            """)
        {
            config,
            delimiter,
            olderThan,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(delimiter)!, parse.GetValue(olderThan), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string delimiter, TimeSpan olderThan, CommandOutput output, CancellationToken cancellationToken)
    {
        if (RuntimeDatastore.Load(configPath, Name, output) is not { } loaded)
        {
            return ExitCodes.Usage;
        }

        await using var store = loaded.Store;
        using var clients = new NodeClients();
        var correlationId = CorrelationId.New();
        var cutoff = DateTime.UtcNow - olderThan;
        var header = true;
        return await RuntimeDatastore.GuardAsync(Name, output, async () =>
        {
            foreach (var vs in loaded.Config.VirtualStorages)
            {
                var tracked = (await store.GetAllGenerationsAsync(vs.Name, cancellationToken)).Select(r => r.RelativePath).ToHashSet(StringComparer.Ordinal);
                foreach (var node in vs.Nodes)
                {
                    try
                    {
                        await foreach (var path in WalkAsync(clients, node, correlationId, cancellationToken))
                        {
                            if (path.ModificationTime.ToDateTime() >= cutoff || tracked.Contains(path.RelativePath))
                            {
                                continue;
                            }

                            if (header)
                            {
                                output.Out.WriteLine(Header);
                                header = false;
                            }

                            output.Out.Write(GoJson.Object([("virtual_storage", vs.Name), ("storage", node.Storage), ("relative_path", path.RelativePath)]) + delimiter);
                        }
                    }
                    catch (RpcException e)
                    {
                        output.Error.WriteLine($"{output.Program} {Name}: error: exec on \"{vs.Name}\"/\"{node.Storage}\": walking {node.Address}: {e.StatusCode}: {e.Status.Detail}; " +
                            $"check the node with '{output.Program} dial-nodes'");
                        return ExitCodes.Failed;
                    }
                }
            }

            return ExitCodes.Ok;
        });
    }

    private static async IAsyncEnumerable<WalkReposResponse> WalkAsync(NodeClients clients, NodeConfig node, string correlationId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = clients.Invoker(node).AsyncServerStreamingCall(InternalGitaly.WalkRepos, null,
            new CallOptions(NodeClients.Headers(node, correlationId), cancellationToken: cancellationToken),
            new WalkReposRequest { StorageName = node.Storage });
        await foreach (var repository in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return repository;
        }
    }
}
