using System.CommandLine;
using Praefect.Configuration.Runtime;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.DialNodes;

/// <summary>
/// <c>praefect-ctl dial-nodes</c>: connects to every node of the runtime config with that node's
/// token, checks health and ServerInfo (its storage readable and writeable) and prints one line per
/// node with the latency. Exit 1 when any node fails.
/// </summary>
internal static class DialNodesCommand
{
    public const string Name = "dial-nodes";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var timeout = ConfiguredNodes.TimeoutOption();
        var command = new Command(Name, $"""
            Connect to every Gitaly node of the runtime config with its token; check health and that its storage is readable and writeable.

            Examples:
              {output.Program} dial-nodes
              {output.Program} dial-nodes --config /var/opt/gitlab/praefect/config.yml --timeout 5
            """)
        {
            config,
            timeout,
        };
        command.SetAction((parse, cancellationToken) =>
            ExecuteAsync(parse.GetValue(config)!, ConfiguredNodes.Timeout(parse, timeout), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, TimeSpan timeout, CommandOutput output, CancellationToken cancellationToken)
    {
        if (ConfiguredNodes.Load(configPath, Name, output, out var exitCode) is not { } nodes)
        {
            return exitCode;
        }

        // All nodes at once: one slow node does not delay the others' answers.
        var results = await Task.WhenAll(nodes.Select(n => NodeDialer.DialAsync(n.VirtualStorage, n.Node, timeout, cancellationToken)));
        foreach (var result in results)
        {
            output.Out.WriteLine(result.Describe());
        }

        var ok = results.Count(r => r.Succeeded);
        output.Out.WriteLine($"{ok} of {results.Length} nodes ok");
        return ok == results.Length ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
