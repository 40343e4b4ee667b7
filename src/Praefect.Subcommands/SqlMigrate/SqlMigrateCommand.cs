using System.CommandLine;
using Praefect.Datastore;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.SqlMigrate;

/// <summary><c>sql-migrate</c>: applies the datastore schema migrations not yet applied.</summary>
internal static class SqlMigrateCommand
{
    public const string Name = "sql-migrate";

    public static Command Create(CommandOutput output) => RuntimeDatastore.SqlCommand(Name, $"""
            Apply the pending schema migrations to the replication datastore (SQLite in the data dir, or PostgreSQL when database_host is set). Praefect also applies them at start.

            Examples:
              {output.Program} sql-migrate
              {output.Program} sql-migrate --config /var/opt/gitlab/praefect/config.yml
            """,
        output, (store, cancellationToken) => MigrateAsync(store, output, cancellationToken));

    private static async Task MigrateAsync(IDatastore store, CommandOutput output, CancellationToken cancellationToken)
    {
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
