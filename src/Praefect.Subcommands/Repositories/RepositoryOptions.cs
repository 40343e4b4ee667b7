using System.CommandLine;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Subcommands.Common;

namespace Praefect.Subcommands.Repositories;

/// <summary>The Go Praefect's <c>-virtual-storage</c>, <c>-relative-path</c> and <c>-authoritative-storage</c> flags, and finding them in the config.</summary>
internal static class RepositoryOptions
{
    public static Option<string> VirtualStorage() => new("--virtual-storage") { Description = "Name of the repository's virtual storage.", Required = true };

    public static Option<string> RelativePath() => new("--relative-path") { Description = "Relative path of the repository in the virtual storage.", Required = true };

    public static Option<string?> AuthoritativeStorage() => new("--authoritative-storage")
    {
        Description = "The storage whose copy of the repository is authoritative (default: the virtual storage's primary).",
    };

    public static Option<bool> ReplicateImmediately() => new("--replicate-immediately")
    {
        Description = "Wait until the running praefect has replicated the repository to every other storage.",
    };

    /// <summary>
    /// What the repository commands share: opens the runtime config and its datastore, finds the virtual storage named
    /// <paramref name="virtualStorage"/> and runs <paramref name="body"/> on them inside <see cref="RuntimeDatastore.GuardAsync"/>;
    /// exit 2 (with the error written) when the config cannot be read or does not name the virtual storage.
    /// </summary>
    public static async Task<int> RunAsync(string configPath, string virtualStorage, string command, CommandOutput output,
        Func<RuntimeConfig, IDatastore, VirtualStorageConfig, Task<int>> body)
    {
        if (RuntimeDatastore.Load(configPath, command, output) is not { } loaded)
        {
            return ExitCodes.Usage;
        }

        await using var store = loaded.Store;
        if (Find(loaded.Config, virtualStorage, configPath, command, output) is not { } vs)
        {
            return ExitCodes.Usage;
        }

        return await RuntimeDatastore.GuardAsync(command, output, () => body(loaded.Config, store, vs));
    }

    /// <summary>The virtual storage named <paramref name="name"/>, or null after printing which ones the config has.</summary>
    public static VirtualStorageConfig? Find(RuntimeConfig config, string name, string configPath, string command, CommandOutput output)
    {
        var vs = config.VirtualStorages.FirstOrDefault(v => v.Name == name);
        if (vs is null)
        {
            output.Error.WriteLine($"{output.Program} {command}: error: virtual storage '{name}' is not in {configPath}; configured: {string.Join(", ", config.VirtualStorages.Select(v => v.Name))}");
        }

        return vs;
    }
}
