using System.CommandLine;
using Grpc.Core;
using Praefect.Subcommands.Admin;
using Praefect.Protocol.Admin;

namespace Praefect.Subcommands.AcceptDataloss;

/// <summary>
/// <c>praefect-ctl accept-dataloss --virtual-storage X --repository PATH --authoritative-storage S</c>:
/// makes S's copy of the repository the one every other storage gets, and lets it take writes again.
/// </summary>
internal static class AcceptDatalossCommand
{
    public const string Name = "accept-dataloss";

    public static Command Create(CommandOutput output)
    {
        var config = AdminConnection.ConfigOption();
        var virtualStorage = new Option<string>("--virtual-storage") { Description = "The virtual storage of the repository (e.g. praefect).", Required = true };
        var repository = new Option<string>("--repository") { Description = "The repository's relative path (as listed by the dataloss command).", Required = true };
        var authoritative = new Option<string>("--authoritative-storage") { Description = "The storage whose copy wins; the others are replicated from it.", Required = true };
        var command = new Command(Name, $"""
            Accept the writes a forced failover lost for one repository: make one storage's copy authoritative and replicate it.

            Examples:
              {output.Program} accept-dataloss --virtual-storage default --repository group/project.git --authoritative-storage gitaly-2
            """)
        {
            config,
            virtualStorage,
            repository,
            authoritative,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(config)!,
            new AcceptDatalossRequest
            {
                VirtualStorage = parse.GetValue(virtualStorage)!,
                RelativePath = parse.GetValue(repository)!,
                AuthoritativeStorage = parse.GetValue(authoritative)!,
            },
            output,
            cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, AcceptDatalossRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        using var connection = AdminConnection.Open(configPath, Name, output);
        if (connection is null)
        {
            return ExitCodes.Usage;
        }

        try
        {
            var response = await connection.Client.AcceptDatalossAsync(request, connection.Call(TimeSpan.FromSeconds(30), cancellationToken));
            var targets = response.ReplicationTargets.Count == 0
                ? "no other storage to replicate to"
                : "replication scheduled to " + string.Join(", ", response.ReplicationTargets.Select(t => "'" + t + "'"));
            output.Out.WriteLine($"virtual storage '{request.VirtualStorage}': '{request.AuthoritativeStorage}' holds the authoritative copy of '{request.RelativePath}' (generation {response.Generation}); {targets}");
            return ExitCodes.Ok;
        }
        catch (RpcException e)
        {
            output.Error.WriteLine($"{output.Program} {Name}: error: {connection.Describe(e)}");
            return ExitCodes.Failed;
        }
    }
}
