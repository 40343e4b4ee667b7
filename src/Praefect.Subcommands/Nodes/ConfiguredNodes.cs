using System.CommandLine;
using Praefect.Configuration.Runtime;

namespace Praefect.Subcommands.Nodes;

/// <summary>What the commands that talk to every configured node share: the <c>--timeout</c> option and the node list of the runtime config.</summary>
internal static class ConfiguredNodes
{
    public static Option<int> TimeoutOption() => new("--timeout")
    {
        Description = "Seconds to wait for each node (default 10).",
        DefaultValueFactory = _ => 10,
    };

    /// <summary>The per-node wait: at least one second.</summary>
    public static TimeSpan Timeout(ParseResult parse, Option<int> timeout) => TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout)));

    /// <summary>
    /// Every node of the runtime config with its virtual storage; null when the config cannot be read
    /// (exit code usage) or lists no nodes (exit code failed), with the error written.
    /// </summary>
    public static IReadOnlyList<(string VirtualStorage, NodeConfig Node)>? Load(string configPath, string command, CommandOutput output, out int exitCode)
    {
        var config = RuntimeConfigLoader.LoadFile(configPath, out var error);
        if (config is null)
        {
            output.Error.WriteLine(error);
            exitCode = ExitCodes.Usage;
            return null;
        }

        var nodes = config.VirtualStorages.SelectMany(vs => vs.Nodes.Select(node => (vs.Name, node))).ToList();
        if (nodes.Count == 0)
        {
            output.Error.WriteLine($"{output.Program} {command}: error: {configPath} lists no nodes under virtual_storages");
            exitCode = ExitCodes.Failed;
            return null;
        }

        exitCode = ExitCodes.Ok;
        return nodes;
    }
}
