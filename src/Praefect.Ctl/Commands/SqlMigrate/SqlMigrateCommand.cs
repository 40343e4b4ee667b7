using System.CommandLine;
using Praefect.Datastore;

namespace Praefect.Ctl.Commands.SqlMigrate;

/// <summary><c>praefect-ctl sql-migrate</c>: applies the datastore schema migrations not yet applied.</summary>
internal static class SqlMigrateCommand
{
    public const string Name = "sql-migrate";

    public static Command Create(CtlOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var command = new Command(Name, "Apply the pending schema migrations to the replication datastore (SQLite in the data dir, or PostgreSQL when database_host is set). Praefect also applies them at start.")
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
            var result = await store.MigrateAsync(cancellationToken);
            output.Out.WriteLine(result.Applied.Count == 0
                ? $"{store.Backend} {store.Location}: up to date ({result.AlreadyApplied.Count} migrations applied before)"
                : $"{store.Backend} {store.Location}: applied {result.Applied.Count} migrations");
            foreach (var name in result.Applied)
            {
                output.Out.WriteLine("  " + name);
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"praefect-ctl {Name}: error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
