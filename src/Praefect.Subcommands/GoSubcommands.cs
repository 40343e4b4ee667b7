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
    public static IEnumerable<Command> ForPraefectCtl(CommandOutput output) => Shared(output, checkName: "startup-check");

    /// <summary>The commands both executables have; Go's <c>check</c> is named <paramref name="checkName"/>.</summary>
    private static IEnumerable<Command> Shared(CommandOutput output, string checkName) =>
    [
        SqlMigrate.SqlMigrateCommand.Create(output),
        SqlMigrateStatus.SqlMigrateStatusCommand.Create(output),
        SqlMigrateDown.SqlMigrateDownCommand.Create(output),
        SqlPing.SqlPingCommand.Create(output),
        DialNodes.DialNodesCommand.Create(output),
        ListStorages.ListStoragesCommand.Create(output),
        RepositoryMetadata.MetadataCommand.Create(output),
        Dataloss.DatalossCommand.Create(output),
        AcceptDataloss.AcceptDatalossCommand.Create(output),
        Repositories.TrackRepositoryCommand.Create(output),
        Repositories.TrackRepositoriesCommand.Create(output),
        Repositories.RemoveRepositoryCommand.Create(output),
        SetReplicationFactor.SetReplicationFactorCommand.Create(output),
        ListUntrackedRepositories.ListUntrackedRepositoriesCommand.Create(output),
        Verify.VerifyCommand.Create(output),
        Check.StartupCheckCommand.Create(output, checkName),
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
        };
        foreach (var command in Shared(output, checkName: "check"))
        {
            root.Subcommands.Add(command);
        }

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

        return Invoke(ForPraefect(output, stdin, rules), arguments, output);
    }

    /// <summary>Parses and runs <paramref name="args"/> on <paramref name="root"/>: usage errors print with the program's name and exit 2.</summary>
    public static int Invoke(RootCommand root, IReadOnlyList<string> args, CommandOutput output)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                output.Error.WriteLine($"{output.Program}: {error.Message}");
            }

            output.Error.WriteLine($"Run '{output.Program} --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output.Out, Error = output.Error });
    }

    /// <summary>
    /// praefect-ctl's arguments with Go's single-dash long flags accepted when they run one of the shared commands
    /// (<c>praefect-ctl remove-repository -virtual-storage default ...</c>, as their --help examples show); the
    /// arguments of praefect-ctl's own commands are left as they are.
    /// </summary>
    public static IReadOnlyList<string> ForPraefectCtlArguments(IReadOnlyList<string> args) =>
        args.Count > 0 && SharedNames.Value.Contains(args[0]) ? args.Select(GoFlag).ToList() : args;

    private static readonly Lazy<HashSet<string>> SharedNames = new(() =>
        Shared(new CommandOutput(TextWriter.Null, TextWriter.Null), checkName: "startup-check").Select(c => c.Name).ToHashSet(StringComparer.Ordinal));

    /// <summary><c>-virtual-storage</c> -> <c>--virtual-storage</c>; single-letter flags (<c>-q</c>) stay.</summary>
    private static string GoFlag(string arg) =>
        arg.Length > 2 && arg[0] == '-' && arg[1] != '-' ? "-" + arg : arg;
}
