using System.CommandLine;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;

namespace Praefect.Ctl.Commands.SqlMigrate;

/// <summary>
/// What the sql-* commands share: the <c>--config</c> option naming the rendered runtime config,
/// and opening the datastore it selects (SQLite in the data dir, or PostgreSQL).
/// </summary>
internal static class RuntimeDatastore
{
    public const string DefaultConfigPath = "/var/opt/gitlab/praefect/config.yml";

    public static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = $"The rendered runtime config that the praefect service reads (default {DefaultConfigPath}).",
        DefaultValueFactory = _ => DefaultConfigPath,
    };

    /// <summary>The datastore of <paramref name="configPath"/>, or null after printing why it cannot be read.</summary>
    public static IDatastore? Open(string configPath, string command, CtlOutput output) => Load(configPath, command, output)?.Store;

    /// <summary>The runtime config and the datastore it selects, or null after printing why they cannot be read.</summary>
    public static (RuntimeConfig Config, IDatastore Store)? Load(string configPath, string command, CtlOutput output)
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
            output.Error.WriteLine($"praefect-ctl {command}: error: {e.Message}");
            return null;
        }
    }
}
