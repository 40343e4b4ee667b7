using System.CommandLine;
using System.Globalization;
using Praefect.Datastore;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.SqlMigrateStatus;

/// <summary>
/// <c>sql-migrate-status</c>: every migration and when it was applied ("no" when not yet, "unknown
/// migration" when the database has one this build does not know), in the Go Praefect's table.
/// </summary>
internal static class SqlMigrateStatusCommand
{
    public const string Name = "sql-migrate-status";

    public static Command Create(CommandOutput output) => RuntimeDatastore.SqlCommand(Name, $"""
            Show the replication datastore's schema migrations and when each was applied.

            Examples:
              {output.Program} {Name} --config /var/opt/gitlab/praefect/config.yml
            """,
        output, (store, cancellationToken) => StatusAsync(store, output, cancellationToken));

    private static async Task StatusAsync(IDatastore store, CommandOutput output, CancellationToken cancellationToken)
    {
        var migrations = await store.GetMigrationStatusAsync(cancellationToken);
        BorderedTable.Write(output.Out, ["Migration", "Applied"], migrations
            .Select(m => (IReadOnlyList<string>)[m.Name, m.Unknown ? "unknown migration" : m.AppliedAt is { } at ? GoTime(at) : "no"])
            .ToList());
    }

    /// <summary>Go's <c>time.Time.String()</c> of a UTC time: <c>2006-01-02 15:04:05.999 +0000 UTC</c>.</summary>
    private static string GoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFF", CultureInfo.InvariantCulture) + " +0000 UTC";
}
