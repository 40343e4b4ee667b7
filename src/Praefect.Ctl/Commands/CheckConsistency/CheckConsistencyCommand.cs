using System.CommandLine;
using Gitaly;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;
using Praefect.Datastore;

namespace Praefect.Ctl.Commands.CheckConsistency;

/// <summary>
/// <c>praefect-ctl check-consistency</c>: CalculateChecksum of each repository on every node of its
/// virtual storage; prints the repositories whose replicas differ (or cannot be read); exit 1 when any.
/// Repositories are the one given, or every repository the datastore has seen written.
/// </summary>
internal static class CheckConsistencyCommand
{
    public const string Name = "check-consistency";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static Command Create(CtlOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var virtualStorage = new Option<string?>("--virtual-storage") { Description = "Only this virtual storage (default: all)." };
        var repository = new Option<string?>("--repository") { Description = "Only this repository (relative path); default: every repository praefect has recorded a write for." };
        var command = new Command(Name, """
            Compare each repository on every node of its virtual storage (refs checksum and info/attributes); print mismatches and exit 1 when any.

            Examples:
              praefect-ctl check-consistency
              praefect-ctl check-consistency --virtual-storage default --repository group/project.git
            """)
        {
            config,
            virtualStorage,
            repository,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(virtualStorage), parse.GetValue(repository), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string? virtualStorage, string? repository, CtlOutput output, CancellationToken cancellationToken)
    {
        var loaded = RuntimeDatastore.Load(configPath, Name, output);
        if (loaded is null)
        {
            return ExitCodes.Usage;
        }

        var (config, store) = loaded.Value;
        await using var _ = store;
        var virtualStorages = VirtualStorageSelection.Select(config, virtualStorage, configPath, output.Error, $"praefect-ctl {Name}");
        if (virtualStorages is null)
        {
            return ExitCodes.Usage;
        }

        using var clients = new NodeClients();
        var inconsistent = 0;
        try
        {
            foreach (var vs in virtualStorages)
            {
                var paths = repository is not null
                    ? [repository]
                    : (await store.GetAllGenerationsAsync(vs.Name, cancellationToken)).Select(r => r.RelativePath).ToList();
                var bad = 0;
                foreach (var path in paths)
                {
                    var checksums = await Task.WhenAll(vs.Nodes.Select(node => ChecksumAsync(clients, node, path, cancellationToken)));
                    var attributes = await Task.WhenAll(vs.Nodes.Select(node => InfoAttributes.DescribeAsync(clients, node, path, CallTimeout, cancellationToken)));
                    var attributesDiffer = attributes.OfType<string>().Distinct().Count() > 1;
                    if (checksums.Distinct().Count() > 1 || checksums.Any(c => c.StartsWith("error:", StringComparison.Ordinal)) || attributesDiffer)
                    {
                        bad++;
                        output.Out.WriteLine($"{vs.Name}/{path}: inconsistent");
                        foreach (var (node, checksum, attribute) in vs.Nodes.Zip(checksums, attributes))
                        {
                            output.Out.WriteLine($"  {node.Storage}: {checksum}{(attributesDiffer ? ", info/attributes " + (attribute ?? "not served") : "")}");
                        }
                    }
                }

                output.Out.WriteLine($"virtual storage '{vs.Name}': {paths.Count} repositories checked on {vs.Nodes.Count} nodes, {bad} inconsistent");
                inconsistent += bad;
            }
        }
        catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"praefect-ctl {Name}: error: {e.Message}");
            return ExitCodes.Failed;
        }

        return inconsistent == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<string> ChecksumAsync(NodeClients clients, NodeConfig node, string relativePath, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await new RepositoryService.RepositoryServiceClient(clients.Invoker(node)).CalculateChecksumAsync(
                new CalculateChecksumRequest { Repository = new Repository { StorageName = node.Storage, RelativePath = relativePath } },
                NodeClients.Headers(node), DateTime.UtcNow + CallTimeout, cancellationToken);
            return reply.Checksum;
        }
        catch (RpcException e)
        {
            return $"error: {e.StatusCode}: {e.Status.Detail}";
        }
    }
}
