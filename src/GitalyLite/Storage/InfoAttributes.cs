namespace GitalyLite.Storage;

/// <summary>A repository's <c>info/attributes</c> (what ApplyGitattributes writes and GetInfoAttributes reads); written atomically.</summary>
internal static class InfoAttributes
{
    public static string PathOf(RepositoryLocation repository) => Path.Combine(repository.FullPath, "info", "attributes");

    /// <summary>The file's bytes; empty when there is none.</summary>
    public static byte[] Read(RepositoryLocation repository)
    {
        var path = PathOf(repository);
        return File.Exists(path) ? File.ReadAllBytes(path) : [];
    }

    /// <summary>Replaces the file (temp file + rename); empty content removes it.</summary>
    public static void Write(RepositoryLocation repository, ReadOnlySpan<byte> content)
    {
        var path = PathOf(repository);
        if (content.IsEmpty)
        {
            File.Delete(path);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, content.ToArray());
        File.Move(temp, path, overwrite: true);
    }
}
