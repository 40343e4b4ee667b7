using System.CommandLine;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.SqlMigrateDown;

/// <summary>
/// <c>sql-migrate-down [-f] MAX_MIGRATIONS</c>, as in the Go Praefect: without <c>-f</c> a dry run that
/// lists the migrations it would roll back; with it, runs their down steps (all or none) and prints
/// <c>OK (applied N "down" migrations)</c>. A migration without a down step is refused by name.
/// </summary>
internal static class SqlMigrateDownCommand
{
    public const string Name = "sql-migrate-down";

    public static Command Create(CommandOutput output)
    {
        var config = RuntimeDatastore.ConfigOption();
        var force = new Option<bool>("-f") { Description = "Apply the down migrations (default: a dry run that lists them)." };
        var count = new Argument<string>("MAX_MIGRATIONS") { Description = "How many of the most recently applied migrations to roll back (1 or more)." };
        var command = new Command(Name, $"""
            Roll back the most recently applied schema migrations of the replication datastore (their down steps, newest first).
            Without -f it only lists what it would roll back. Stop praefect first: it applies the migrations again at start.

            Examples:
              {output.Program} {Name} 1
              {output.Program} {Name} -f 1
              {output.Program} {Name} --config /var/opt/gitlab/praefect/config.yml -f 2
            """)
        {
            config,
            force,
            count,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!int.TryParse(parse.GetValue(count), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var max) || max < 1)
            {
                output.Error.WriteLine($"{output.Program} {Name}: error: number of migrations to roll back must be 1 or more, got '{parse.GetValue(count)}'");
                return Task.FromResult(ExitCodes.Usage);
            }

            var apply = parse.GetValue(force);
            return RuntimeDatastore.RunAsync(parse.GetValue(config)!, Name, output, async (store, token) =>
            {
                if (apply)
                {
                    var rolledBack = await store.MigrateDownAsync(max, token);
                    output.Out.WriteLine($"OK (applied {rolledBack.Count} \"down\" migrations)");
                    return;
                }

                var planned = await store.PlanMigrateDownAsync(max, token);
                output.Out.WriteLine("DRY RUN -- would roll back:");
                output.Out.WriteLine();
                foreach (var name in planned)
                {
                    output.Out.WriteLine($"- {name}");
                }

                output.Out.WriteLine();
                output.Out.WriteLine("To apply these migrations run with -f");
            }, cancellationToken);
        });
        return command;
    }
}
