namespace GitalyLite.Storage;

/// <summary>Gitaly's cheap "is this a git directory" test: HEAD, objects/ and refs/ exist.</summary>
internal static class GitDirectory
{
    public static bool Looks(string path) =>
        File.Exists(Path.Combine(path, "HEAD")) &&
        Directory.Exists(Path.Combine(path, "objects")) &&
        Directory.Exists(Path.Combine(path, "refs"));
}
