using System.CommandLine;
using Grpc.Core;
using Praefect.Protocol.Admin;
using Praefect.Subcommands.Admin;

namespace Praefect.Ctl.Commands.Nodes;

/// <summary><c>praefect-ctl nodes</c>: every node of the running praefect with health, role and replication backlog.</summary>
internal static class NodesCommand
{
    public const string Name = "nodes";

    public static Command Create(CtlOutput output)
    {
        var config = AdminConnection.ConfigOption();
        var virtualStorage = new Option<string>("--virtual-storage")
        {
            Description = "Show only this virtual storage (default: all).",
            DefaultValueFactory = _ => "",
        };
        var command = new Command(Name, """
            List the nodes of the running praefect: health, primary, replication backlog and outdated repositories.

            Examples:
              praefect-ctl nodes
              praefect-ctl nodes --virtual-storage default
            """)
        {
            config,
            virtualStorage,
        };
        command.SetAction((parse, cancellationToken) =>
            ExecuteAsync(parse.GetValue(config)!, parse.GetValue(virtualStorage)!, output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, string virtualStorage, CtlOutput output, CancellationToken cancellationToken)
    {
        using var connection = AdminConnection.Open(configPath, Name, output);
        if (connection is null)
        {
            return ExitCodes.Usage;
        }

        try
        {
            var response = await connection.Client.ListNodesAsync(
                new ListNodesRequest { VirtualStorage = virtualStorage }, connection.Call(TimeSpan.FromSeconds(10), cancellationToken));
            Print(response, output.Out);
            return ExitCodes.Ok;
        }
        catch (RpcException e)
        {
            output.Error.WriteLine($"praefect-ctl {Name}: error: {connection.Describe(e)}");
            return ExitCodes.Failed;
        }
    }

    internal static void Print(ListNodesResponse response, TextWriter writer)
    {
        foreach (var vs in response.VirtualStorages)
        {
            var lost = vs.RepositoriesWithLostWrites == 0 ? "" : $"; {vs.RepositoriesWithLostWrites} repositories reject writes until accept-dataloss (see 'praefect-ctl dataloss')";
            writer.WriteLine($"virtual storage '{vs.Name}': primary '{vs.Primary}'{lost}");
            var width = Math.Max("STORAGE".Length, vs.Nodes.Select(n => n.Storage.Length).DefaultIfEmpty(0).Max());
            writer.WriteLine($"  {"STORAGE".PadRight(width)}  ROLE       HEALTH     BACKLOG  OUTDATED  ADDRESS");
            foreach (var node in vs.Nodes)
            {
                var role = node.Primary ? "primary" : "secondary";
                var health = node.Healthy ? "healthy" : "unhealthy";
                writer.WriteLine($"  {node.Storage.PadRight(width)}  {role,-9}  {health,-9}  {node.ReplicationBacklog,7}  {node.OutdatedRepositories,8}  {node.Address}");
            }

            foreach (var node in vs.Nodes.Where(n => n.LastCheckError.Length > 0))
            {
                writer.WriteLine($"  '{node.Storage}' last health check failed: {node.LastCheckError}");
            }
        }
    }
}
