using System.CommandLine;
using Grpc.Core;
using Praefect.Subcommands.Admin;
using Praefect.Protocol.Admin;

namespace Praefect.Ctl.Commands.Failover;

/// <summary>
/// <c>praefect-ctl failover --virtual-storage X --to S [--force] [--timeout 30s]</c>: asks the running
/// praefect to make S the primary. Exit 0 when done, 1 when refused (with what would be lost).
/// </summary>
internal static class FailoverCommand
{
    public const string Name = "failover";

    public static Command Create(CtlOutput output)
    {
        var config = AdminConnection.ConfigOption();
        var virtualStorage = new Option<string>("--virtual-storage") { Description = "The virtual storage to fail over (e.g. praefect).", Required = true };
        var target = new Option<string>("--to") { Description = "The healthy secondary to promote (e.g. praefect-git-2).", Required = true };
        var force = new Option<bool>("--force")
        {
            Description = "Fail over even if writes would be lost; those repositories then reject writes until 'praefect-ctl accept-dataloss'.",
        };
        var timeout = DurationOption.Create("--timeout", "How long praefect may hold writes while the target catches up (default 30s).", TimeSpan.FromSeconds(30));
        var command = new Command(Name, """
            Make a secondary the primary of a virtual storage through the running praefect, without losing writes unless --force.

            Examples:
              praefect-ctl failover --virtual-storage default --to gitaly-2
              praefect-ctl failover --virtual-storage default --to gitaly-2 --force --timeout 60s
            """)
        {
            config,
            virtualStorage,
            target,
            force,
            timeout,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(config)!,
            new FailoverRequest
            {
                VirtualStorage = parse.GetValue(virtualStorage)!,
                TargetStorage = parse.GetValue(target)!,
                Force = parse.GetValue(force),
                TimeoutMs = (long)parse.GetValue(timeout).TotalMilliseconds,
                Trigger = "praefect-ctl",
            },
            output,
            cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, FailoverRequest request, CtlOutput output, CancellationToken cancellationToken)
    {
        using var connection = AdminConnection.Open(configPath, Name, output);
        if (connection is null)
        {
            return ExitCodes.Usage;
        }

        return await RunAsync(connection, request, output, Name, cancellationToken) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Sends the request and prints the result; true when the target is the primary afterwards.</summary>
    public static async Task<bool> RunAsync(AdminConnection connection, FailoverRequest request, CtlOutput output, string command, CancellationToken cancellationToken)
    {
        try
        {
            // The server holds writes for at most the timeout; leave it room to answer.
            var deadline = TimeSpan.FromMilliseconds(request.TimeoutMs) + TimeSpan.FromSeconds(30);
            var response = await connection.Client.FailoverAsync(request, connection.Call(deadline, cancellationToken));
            return FailoverReport.Print(request.VirtualStorage, request.TargetStorage, response, output, command);
        }
        catch (RpcException e)
        {
            output.Error.WriteLine($"praefect-ctl {command}: error: {connection.Describe(e)}");
            return false;
        }
    }
}
