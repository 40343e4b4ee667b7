using System.CommandLine;
using Praefect.Datastore;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.SqlPing;

/// <summary><c>sql-ping</c>: checks that the replication datastore answers.</summary>
internal static class SqlPingCommand
{
    public const string Name = "sql-ping";

    public static Command Create(CommandOutput output) => RuntimeDatastore.SqlCommand(Name, $"""
            Check that the replication datastore answers: opens a connection and prints the server version.

            Examples:
              {output.Program} sql-ping
              {output.Program} sql-ping --config /var/opt/gitlab/praefect/config.yml
            """,
        output, (store, cancellationToken) => PingAsync(store, output, cancellationToken));

    private static async Task PingAsync(IDatastore store, CommandOutput output, CancellationToken cancellationToken)
    {
        var version = await store.PingAsync(cancellationToken);
        output.Out.WriteLine($"{store.Backend} {store.Location}: OK ({version})");
    }
}
