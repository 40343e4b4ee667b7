namespace GitalyLite.Storage;

/// <summary>
/// The repositories under a storage root, as Gitaly's WalkRepos finds them: every directory that looks like a git
/// directory (<see cref="GitDirectory"/>), not descending into it, depth first in ordinal order. Directories whose
/// name starts with '+' are the node's own (Gitaly's <c>+gitaly</c>, gitaly-lite's <c>+removed-</c> copies being
/// deleted) and are skipped, as are symbolic links.
/// </summary>
internal static class RepositoryWalker
{
    public static IEnumerable<(string RelativePath, DateTime ModifiedUtc)> Walk(string root, CancellationToken cancellationToken)
    {
        var pending = new Stack<DirectoryInfo>();
        Push(pending, new DirectoryInfo(root));
        while (pending.TryPop(out var directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (GitDirectory.Looks(directory.FullName))
            {
                yield return (Path.GetRelativePath(root, directory.FullName).Replace('\\', '/'), directory.LastWriteTimeUtc);
            }
            else
            {
                Push(pending, directory);
            }
        }
    }

    /// <summary>Pushes the directory's own subdirectories, last name first so they pop in ordinal order.</summary>
    private static void Push(Stack<DirectoryInfo> pending, DirectoryInfo directory)
    {
        DirectoryInfo[] children;
        try
        {
            children = directory.GetDirectories();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed while walking, or unreadable: nothing to list under it.
            return;
        }

        foreach (var child in children.Where(c => !c.Name.StartsWith('+') && c.LinkTarget is null).OrderByDescending(c => c.Name, StringComparer.Ordinal))
        {
            pending.Push(child);
        }
    }
}
