using System.CommandLine;
using Praefect.Datastore;
using Praefect.Datastore.Sqlite;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.SqlMigrate;

/// <summary><c>sql-migrate</c>: applies the datastore schema migrations not yet applied; <c>--init</c> starts over from a refused SQLite file.</summary>
internal static class SqlMigrateCommand
{
    public const string Name = "sql-migrate";

    public static Command Create(CommandOutput output)
    {
        var init = new Option<bool>("--init")
        {
            Description = "When praefect refused the SQLite file (empty, truncated, not a database, or its write-ahead log missing), move it and its -wal/-shm aside (suffix .broken-<time>) and start with an empty datastore. A sound file is kept.",
        };
        var command = RuntimeDatastore.SqlCommand(Name, $"""
                Apply the pending schema migrations to the replication datastore (SQLite in the data dir, or PostgreSQL when database_host is set). Praefect also applies them at start.

                Examples:
                  {output.Program} sql-migrate
                  {output.Program} sql-migrate --config /var/opt/gitlab/praefect/config.yml
                  {output.Program} sql-migrate --init
                """,
            output, (store, cancellationToken) => MigrateAsync(store, init: false, output, cancellationToken));
        command.Options.Add(init);
        var config = (Option<string>)command.Options.First(o => o.Name == "--config");
        command.SetAction((parse, cancellationToken) => RuntimeDatastore.RunAsync(parse.GetValue(config)!, Name, output,
            (store, token) => MigrateAsync(store, parse.GetValue(init), output, token), cancellationToken));
        return command;
    }

    private static async Task MigrateAsync(IDatastore store, bool init, CommandOutput output, CancellationToken cancellationToken)
    {
        if (init && store.Backend == "sqlite" && SqliteFileCheck.Problem(store.Location) is { } problem)
        {
            foreach (var moved in SqliteFileCheck.MoveAside(store.Location, DateTimeOffset.UtcNow))
            {
                output.Out.WriteLine($"{store.Location} {problem}: moved aside as {moved}");
            }
        }

        var result = await store.MigrateAsync(cancellationToken);
        output.Out.WriteLine(result.Applied.Count == 0
            ? $"{store.Backend} {store.Location}: up to date ({result.AlreadyApplied.Count} migrations applied before)"
            : $"{store.Backend} {store.Location}: applied {result.Applied.Count} migrations");
        foreach (var name in result.Applied)
        {
            output.Out.WriteLine("  " + name);
        }
    }
}
