using System.CommandLine;
using Praefect.Ctl.Commands.SqlMigrate;
using Praefect.Datastore;

namespace Praefect.Ctl.Commands.SqlPing;

/// <summary><c>praefect-ctl sql-ping</c>: checks that the replication datastore answers.</summary>
internal static class SqlPingCommand
{
    public const string Name = "sql-ping";

    public static Command Create(CtlOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var command = new Command(Name, "Check that the replication datastore answers: opens a connection and prints the server version.")
        {
            config,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, CtlOutput output, CancellationToken cancellationToken)
    {
        await using var store = RuntimeDatastore.Open(configPath, Name, output);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        try
        {
            var version = await store.PingAsync(cancellationToken);
            output.Out.WriteLine($"{store.Backend} {store.Location}: OK ({version})");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"praefect-ctl {Name}: error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
