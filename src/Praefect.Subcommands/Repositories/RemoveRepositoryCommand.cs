using System.CommandLine;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Metadata;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.Repositories;

/// <summary>
/// <c>remove-repository -virtual-storage VS -relative-path PATH [-apply [-db-only]]</c>, as in the Go Praefect: a dry
/// run by default; with <c>-apply</c> removes the repository from every storage of the virtual storage (RemoveRepository on
/// each node, straight from the config: praefect need not run) and from the datastore, then deletes its replication jobs,
/// waiting for those in progress; with <c>-db-only</c> only the datastore's records and jobs.
/// </summary>
internal static class RemoveRepositoryCommand
{
    public const string Name = "remove-repository";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var virtualStorage = RepositoryOptions.VirtualStorage();
        var relativePath = RepositoryOptions.RelativePath();
        var apply = new Option<bool>("--apply") { Description = "Remove the repository from the storages' disks and the datastore (default: a dry run)." };
        var dbOnly = new Option<bool>("--db-only") { Description = "With -apply: remove the datastore's records only, and leave the repository on the storages." };
        var command = new Command(Name, $"""
            Remove a repository from the cluster: from every storage of its virtual storage and from praefect's datastore,
            with its queued replication jobs. A dry run unless -apply is given; -apply -db-only removes the datastore's records only.

            Examples:
              {output.Program} {Name} -virtual-storage default -relative-path @hashed/ab/cd/abcd.git
              {output.Program} {Name} -virtual-storage default -relative-path @hashed/ab/cd/abcd.git -apply
              {output.Program} {Name} -virtual-storage default -relative-path @hashed/ab/cd/abcd.git -apply -db-only
            """)
        {
            config,
            virtualStorage,
            relativePath,
            apply,
            dbOnly,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(virtualStorage)!, parse.GetValue(relativePath)!,
            parse.GetValue(apply), parse.GetValue(dbOnly), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string virtualStorage, string relativePath, bool apply, bool dbOnly, CommandOutput output, CancellationToken cancellationToken)
    {
        var o = output.Out;
        return await RepositoryOptions.RunAsync(configPath, virtualStorage, Name, output, async (_, store, vs) =>
        {
            if (await store.GetGenerationsAsync(vs.Name, relativePath, cancellationToken) is null)
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: repository is not being tracked in Praefect; check the path with '{output.Program} metadata -virtual-storage {vs.Name} -relative-path PATH'");
                return ExitCodes.Failed;
            }

            o.WriteLine("Repository found in the database.");
            if (!apply)
            {
                o.WriteLine("Re-run the command with -apply to remove repositories from the database and disk or -apply and -db-only to remove from database only.");
                return ExitCodes.Ok;
            }

            if (dbOnly)
            {
                o.WriteLine($"Attempting to remove {relativePath} from the database...");
                await store.RemoveRepositoryAsync(vs.Name, relativePath, cancellationToken);
                o.WriteLine("Repository removal from database completed.");
                await RemoveJobsAsync(store, vs.Name, relativePath, cancellationToken);
                return ExitCodes.Ok;
            }

            o.WriteLine($"Attempting to remove {relativePath} from the database, and delete it from all gitaly nodes...");
            var failures = await RemoveFromNodesAsync(vs, relativePath, cancellationToken);
            if (failures.Count > 0)
            {
                foreach (var failure in failures)
                {
                    output.Error.WriteLine($"{output.Program} {Name}: error: repository removal failed: {failure}");
                }

                output.Error.WriteLine($"{output.Program} {Name}: the datastore still tracks the repository; run the command again once every node is reachable");
                return ExitCodes.Failed;
            }

            await store.RemoveRepositoryAsync(vs.Name, relativePath, cancellationToken);
            o.WriteLine("Repository removal completed.");
            o.WriteLine("Removing replication events...");
            await RemoveJobsAsync(store, vs.Name, relativePath, cancellationToken);
            o.WriteLine("Replication event removal completed.");
            return ExitCodes.Ok;
        });
    }

    /// <summary>RemoveRepository on every node of <paramref name="vs"/>; a node without the repository is fine. Returns the failures.</summary>
    private static async Task<IReadOnlyList<string>> RemoveFromNodesAsync(VirtualStorageConfig vs, string relativePath, CancellationToken cancellationToken)
    {
        using var clients = new NodeClients();
        var correlationId = CorrelationId.New();
        var results = await Task.WhenAll(vs.Nodes.Select(async node =>
        {
            try
            {
                await clients.Invoker(node).AsyncUnaryCall(RepositoryLifecycle.RemoveRepository, null,
                    new CallOptions(NodeClients.Headers(node, correlationId), DateTime.UtcNow + CallTimeout, cancellationToken),
                    new RemoveRepositoryRequest { Repository = new Gitaly.Repository { StorageName = node.Storage, RelativePath = relativePath } });
                return null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
            catch (RpcException e)
            {
                return $"{node.Storage} at {node.Address}: {e.StatusCode}: {e.Status.Detail}";
            }
        }));
        return results.OfType<string>().ToList();
    }

    /// <summary>Deletes the repository's jobs, again until none is in progress (a running one ends within its lease).</summary>
    private static async Task RemoveJobsAsync(IDatastore store, string virtualStorage, string relativePath, CancellationToken cancellationToken)
    {
        while (await store.DeleteRepositoryJobsAsync(virtualStorage, relativePath, cancellationToken) > 0)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
