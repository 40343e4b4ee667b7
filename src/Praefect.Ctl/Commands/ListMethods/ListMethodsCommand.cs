using System.CommandLine;
using Praefect.Configuration.Runtime;
using Praefect.Subcommands.Common;
using Praefect.Subcommands.Nodes;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Ctl.Commands.ListMethods;

/// <summary>
/// <c>praefect-ctl list-methods</c>: asks every node of the runtime config, through gRPC server
/// reflection, which methods it declares, classifies them as praefect does, and prints per node how
/// many it declares, which routed methods the compiled 1.37 registry lacks, and which declarations
/// praefect cannot route. Exit 1 when a node cannot be asked.
/// </summary>
internal static class ListMethodsCommand
{
    public const string Name = "list-methods";

    public static Command Create(CtlOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var timeout = ConfiguredNodes.TimeoutOption();
        var command = new Command(Name, """
            Ask every Gitaly node of the runtime config which methods it declares (gRPC reflection); print the count per node and the routed methods the compiled registry lacks.

            Examples:
              praefect-ctl list-methods
              praefect-ctl list-methods --config /var/opt/gitlab/praefect/config.yml
            """)
        {
            config,
            timeout,
        };
        command.SetAction((parse, cancellationToken) =>
            ExecuteAsync(parse.GetValue(config)!, ConfiguredNodes.Timeout(parse, timeout), output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, TimeSpan timeout, CtlOutput output, CancellationToken cancellationToken)
    {
        if (ConfiguredNodes.Load(configPath, Name, output, out var exitCode) is not { } nodes)
        {
            return exitCode;
        }

        using var clients = new NodeClients();
        var results = await Task.WhenAll(nodes.Select(n => AskAsync(clients, n.Node, timeout, cancellationToken)));
        var compiled = OperationRegistry.Gitaly;
        var failed = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var (vs, node) = nodes[i];
            var result = results[i];
            var name = $"{vs}/{node.Storage} {node.Address}";
            if (result.NotServed)
            {
                output.Out.WriteLine($"{name}: serves no reflection; praefect routes its calls with the compiled registry ({compiled.All.Count} methods)");
                continue;
            }

            if (result.Catalog is null)
            {
                failed++;
                output.Out.WriteLine($"{name}: FAILED: {result.Error}");
                continue;
            }

            var classification = DescriptorClassifier.Classify(result.Catalog);
            var beyond = classification.Operations.Keys.Where(m => !compiled.TryGet(m, out _)).Order(StringComparer.Ordinal).ToList();
            var unrouted = classification.Problems.Where(p => !p.FullMethod.StartsWith("/grpc.", StringComparison.Ordinal)).ToList();
            output.Out.WriteLine($"{name}: declares {classification.DeclaredMethods} methods in {result.Catalog.ServiceNames.Count} services; " +
                                 $"{classification.Operations.Count} routable, {beyond.Count} of them beyond the compiled registry");
            foreach (var method in beyond)
            {
                var info = classification.Operations[method];
                output.Out.WriteLine($"  + {method} ({info.Kind.ToString().ToLowerInvariant()}, {info.Scope.ToString().ToLowerInvariant()} scope{Where(info)})");
            }

            foreach (var problem in unrouted)
            {
                output.Out.WriteLine($"  ! {problem.FullMethod}: {problem.Problem}");
            }

            foreach (var problem in result.FileProblems)
            {
                output.Out.WriteLine($"  ! skipped file: {problem}");
            }
        }

        output.Out.WriteLine($"{nodes.Count - failed} of {nodes.Count} nodes answered");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<ReflectionResult> AskAsync(NodeClients clients, NodeConfig node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ReflectionClient.LearnAsync(clients.Invoker(node), NodeClients.Headers(node), timeout, ReflectionLimits.Default, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            return ReflectionResult.Failed($"address '{node.Address}' is not usable: {e.Message}");
        }
    }

    private static string Where(OperationInfo info) =>
        (info.TargetRepository is { } target ? $", target field {target}" : "") +
        (info.AdditionalRepository is { } additional ? $", additional {additional}" : "") +
        (info.StorageName is { } storage ? $", storage field {storage}" : "");
}
