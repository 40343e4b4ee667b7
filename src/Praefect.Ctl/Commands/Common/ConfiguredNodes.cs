using System.CommandLine;
using Praefect.Configuration.Runtime;

namespace Praefect.Ctl.Commands.Common;

/// <summary>The nodes of a runtime config for commands that dial every node (dial-nodes, list-methods), and their --timeout option.</summary>
internal static class ConfiguredNodes
{
    public static Option<int> TimeoutOption() => new("--timeout")
    {
        Description = "Seconds to wait for each node (default 10).",
        DefaultValueFactory = _ => 10,
    };

    public static TimeSpan Timeout(int seconds) => TimeSpan.FromSeconds(Math.Max(1, seconds));

    /// <summary>Every (virtual storage, node) of the config; null with the exit code when the file is unusable or lists no node.</summary>
    public static List<(string VirtualStorage, NodeConfig Node)>? Load(string configPath, string command, CtlOutput output, out int exitCode)
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
            output.Error.WriteLine($"praefect-ctl {command}: error: {configPath} lists no nodes under virtual_storages");
            exitCode = ExitCodes.Failed;
            return null;
        }

        exitCode = ExitCodes.Ok;
        return nodes;
    }
}
