using GitalyLite.Configuration;

namespace GitalyLite.Storage;

/// <summary>The node's named storages, with their directories as full paths.</summary>
internal sealed class StorageRegistry
{
    private readonly Dictionary<string, string> roots;

    public StorageRegistry(IEnumerable<StorageOptions> storages)
    {
        roots = storages.ToDictionary(s => s.Name, s => Path.GetFullPath(s.Path), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> Roots => roots;

    public bool TryGetRoot(string storageName, out string root) => roots.TryGetValue(storageName, out root!);

    /// <summary>Creates missing storage directories, so a fresh node can start on an empty folder.</summary>
    public void EnsureDirectories()
    {
        foreach (var root in roots.Values)
        {
            Directory.CreateDirectory(root);
        }
    }
}
