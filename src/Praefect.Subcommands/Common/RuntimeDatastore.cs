using System.CommandLine;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;

namespace Praefect.Subcommands.Common;

/// <summary>
/// What the sql-* commands share: the <c>--config</c> option naming the rendered runtime config,
/// opening the datastore it selects (SQLite in the data dir, or PostgreSQL), and the error handling around the command's work.
/// </summary>
internal static class RuntimeDatastore
{
    public const string DefaultConfigPath = "/var/opt/gitlab/praefect/config.yml";

    public static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = $"The rendered runtime config that the praefect service reads (default {DefaultConfigPath}).",
        DefaultValueFactory = _ => DefaultConfigPath,
    };

    /// <summary>A sql-* command: <c>--config</c> and an action that runs <paramref name="body"/> on the datastore through <see cref="RunAsync"/>.</summary>
    public static Command SqlCommand(string name, string description, CommandOutput output, Func<IDatastore, CancellationToken, Task> body)
    {
        var config = ConfigOption();
        var command = new Command(name, description) { config };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config)!, name, output, body, cancellationToken));
        return command;
    }

    /// <summary>
    /// Opens the datastore of <paramref name="configPath"/> and runs <paramref name="body"/> on it:
    /// exit 0 when it finishes, 1 with one error line when the datastore or database fails, 2 when
    /// the config cannot be read.
    /// </summary>
    public static async Task<int> RunAsync(string configPath, string command, CommandOutput output, Func<IDatastore, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        await using var store = Open(configPath, command, output);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        return await GuardAsync(command, output, async () =>
        {
            await body(store, cancellationToken);
            return ExitCodes.Ok;
        });
    }

    /// <summary>Runs <paramref name="body"/>; a datastore or database failure becomes one error line and exit 1.</summary>
    public static async Task<int> GuardAsync(string command, CommandOutput output, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is DatastoreException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"{output.Program} {command}: error: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The datastore of <paramref name="configPath"/>, or null after printing why it cannot be read.</summary>
    public static IDatastore? Open(string configPath, string command, CommandOutput output) => Load(configPath, command, output)?.Store;

    /// <summary>The runtime config and the datastore it selects, or null after printing why they cannot be read.</summary>
    public static (RuntimeConfig Config, IDatastore Store)? Load(string configPath, string command, CommandOutput output)
    {
        var config = RuntimeConfigLoader.LoadFile(configPath, out var error);
        if (config is null)
        {
            output.Error.WriteLine(error);
            return null;
        }

        try
        {
            return (config, DatastoreFactory.Create(config));
        }
        catch (DatastoreException e)
        {
            output.Error.WriteLine($"{output.Program} {command}: error: {e.Message}");
            return null;
        }
    }
}
