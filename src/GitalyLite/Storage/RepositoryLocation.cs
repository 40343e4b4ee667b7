namespace GitalyLite.Storage;

/// <summary>A validated repository address: the storage, the path inside it, and the full path on disk.</summary>
internal sealed record RepositoryLocation(string StorageName, string RelativePath, string FullPath)
{
    /// <summary>What log lines and error messages show: never the absolute path on disk.</summary>
    public string Display => $"{StorageName}/{RelativePath}";
}
