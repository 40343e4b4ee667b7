using Praefect.Configuration.Runtime;

namespace Praefect.Subcommands.Common;

/// <summary>The virtual storages a command acts on: all of them, or the one its option names (an error naming the configured ones when it is not configured).</summary>
internal static class VirtualStorageSelection
{
    /// <summary>Null (after writing the error) when <paramref name="name"/> is not configured.</summary>
    public static IReadOnlyList<VirtualStorageConfig>? Select(RuntimeConfig config, string? name, string configPath, TextWriter error, string command)
    {
        var selected = config.VirtualStorages.Where(vs => name is null || vs.Name == name).ToList();
        if (selected.Count == 0)
        {
            error.WriteLine($"{command}: error: virtual storage '{name}' is not in {configPath}; configured: {string.Join(", ", config.VirtualStorages.Select(vs => vs.Name))}");
            return null;
        }

        return selected;
    }
}
