using System.CommandLine;
using Praefect.Configuration.Runtime;

namespace Praefect.Subcommands;

/// <summary>
/// The Go Praefect's subcommands that work from the runtime config, one implementation for both
/// executables: <c>praefect [-config FILE] &lt;subcommand&gt;</c> (<see cref="RunForPraefect"/>) and
/// <c>praefect-ctl &lt;subcommand&gt; --config FILE</c> (<see cref="ForPraefectCtl"/>).
/// </summary>
internal static class GoSubcommands
{
    /// <summary>The subcommands praefect-ctl adds to its own; Go's <c>check</c> is <c>startup-check</c> there.</summary>
    public static IEnumerable<Command> ForPraefectCtl(CommandOutput output) =>
    [
        SqlMigrate.SqlMigrateCommand.Create(output),
        SqlMigrateStatus.SqlMigrateStatusCommand.Create(output),
        SqlPing.SqlPingCommand.Create(output),
        DialNodes.DialNodesCommand.Create(output),
        ListStorages.ListStoragesCommand.Create(output),
        RepositoryMetadata.MetadataCommand.Create(output),
        Check.StartupCheckCommand.Create(output, "startup-check"),
    ];

    /// <summary>praefect's subcommand tree; <paramref name="rules"/> are the checks praefect runs on its config at start.</summary>
    public static RootCommand ForPraefect(CommandOutput output, TextReader input, Func<RuntimeConfig, IReadOnlyList<string>> rules)
    {
        var root = new RootCommand("""
            praefect: the Gitaly cluster router. Without a subcommand it serves: praefect -config /var/opt/gitlab/praefect/config.yml
            With one it runs an admin task on the runtime config given by -config (or --config after the subcommand).

            Examples:
              praefect -config /var/opt/gitlab/praefect/config.yml
              praefect -config /var/opt/gitlab/praefect/config.yml sql-migrate-status
              praefect -config /var/opt/gitlab/praefect/config.yml list-storages -virtual-storage default
              praefect configuration validate < /var/opt/gitlab/praefect/config.yml
            """)
        {
            ConfigurationValidate.ConfigurationValidateCommand.Create(output, input, rules),
            SqlMigrate.SqlMigrateCommand.Create(output),
            SqlMigrateStatus.SqlMigrateStatusCommand.Create(output),
            SqlPing.SqlPingCommand.Create(output),
            DialNodes.DialNodesCommand.Create(output),
            ListStorages.ListStoragesCommand.Create(output),
            RepositoryMetadata.MetadataCommand.Create(output),
            Check.StartupCheckCommand.Create(output, "check"),
        };
        return root;
    }

    /// <summary>
    /// Runs <c>praefect [-config FILE] &lt;subcommand&gt; [flags]</c>: the global <c>-config</c> goes to the
    /// subcommand's <c>--config</c>, and Go's single-dash long flags (<c>-virtual-storage</c>) are accepted.
    /// </summary>
    public static int RunForPraefect(string? configPath, IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        Func<RuntimeConfig, IReadOnlyList<string>> rules)
    {
        var output = new CommandOutput(stdout, stderr, "praefect");
        var arguments = args.Select(GoFlag).ToList();
        if (configPath is not null && arguments is not ["configuration", ..] && !arguments.Contains("--config"))
        {
            arguments.AddRange(["--config", configPath]);
        }

        var parse = ForPraefect(output, stdin, rules).Parse(arguments);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine("praefect: " + error.Message);
            }

            stderr.WriteLine("Run 'praefect --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary><c>-virtual-storage</c> -> <c>--virtual-storage</c>; single-letter flags (<c>-q</c>) stay.</summary>
    private static string GoFlag(string arg) =>
        arg.Length > 2 && arg[0] == '-' && arg[1] != '-' ? "-" + arg : arg;
}
