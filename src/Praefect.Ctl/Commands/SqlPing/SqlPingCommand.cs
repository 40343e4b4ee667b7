using System.CommandLine;
using Praefect.Ctl.Commands.SqlMigrate;
using Praefect.Datastore;

namespace Praefect.Ctl.Commands.SqlPing;

/// <summary><c>praefect-ctl sql-ping</c>: checks that the replication datastore answers.</summary>
internal static class SqlPingCommand
{
    public const string Name = "sql-ping";

    public static Command Create(CtlOutput output) => RuntimeDatastore.SqlCommand(Name,
        "Check that the replication datastore answers: opens a connection and prints the server version.",
        output, (store, cancellationToken) => PingAsync(store, output, cancellationToken));

    private static async Task PingAsync(IDatastore store, CtlOutput output, CancellationToken cancellationToken)
    {
        var version = await store.PingAsync(cancellationToken);
        output.Out.WriteLine($"{store.Backend} {store.Location}: OK ({version})");
    }
}
