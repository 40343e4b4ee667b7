using System.CommandLine;
using Praefect.Datastore;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.Check;

/// <summary>
/// The Go Praefect's <c>check</c> (start-up checks), as <c>praefect check</c> and <c>praefect-ctl startup-check</c>
/// (praefect-ctl's own <c>check</c> validates gitlab.rb). Prints Go's lines; exit 1 when a fatal check fails.
/// </summary>
internal static class StartupCheckCommand
{
    public static Command Create(CommandOutput output, string name)
    {
        var config = RuntimeDatastore.ConfigOption();
        var quiet = new Option<bool>("-q") { Description = "Do not print the description of each check." };
        var command = new Command(name, $"""
            Run praefect's start-up checks: migrations applied, every node reachable, the database readable and writeable, no unavailable repository.

            Examples:
              {output.Program} {name} --config /var/opt/gitlab/praefect/config.yml
              {output.Program} {name} -q
            """)
        {
            config,
            quiet,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(config)!, parse.GetValue(quiet), name, output, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string configPath, bool quiet, string name, CommandOutput output, CancellationToken cancellationToken)
    {
        var loaded = RuntimeDatastore.Load(configPath, name, output);
        if (loaded is not { } opened)
        {
            return ExitCodes.Usage;
        }

        await using var store = opened.Store;
        var failed = 0;
        var fatal = false;
        foreach (var check in StartupChecks.For(opened.Config, store))
        {
            output.Out.Write(quiet ? $"Checking {check.Name}..." : $"Checking {check.Name} - {check.Description} [{check.Severity}]\n");
            string? problem;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                problem = await check.Run(timeout.Token);
            }
            catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException or OperationCanceledException)
            {
                problem = e is OperationCanceledException ? "timed out after 10 s" : e.Message;
            }

            if (problem is null)
            {
                output.Out.WriteLine("Passed");
                continue;
            }

            failed++;
            fatal |= check.Severity == StartupCheck.Fatal;
            output.Out.WriteLine($"Failed ({check.Severity}) error: {problem}");
        }

        output.Out.WriteLine();
        if (fatal)
        {
            output.Out.WriteLine($"{failed} check(s) failed, at least one was fatal.");
            return ExitCodes.Failed;
        }

        output.Out.WriteLine(failed > 0 ? $"{failed} check(s) failed, but none are fatal." : "All checks passed.");
        return ExitCodes.Ok;
    }
}
