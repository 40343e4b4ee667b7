namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// Applies planned changes under a root, in order (parents before children): creates
/// directories, replaces changed files atomically, fixes modes, repoints links, removes files no
/// longer rendered. Stops at the first failure and says which path failed; every file is then
/// either wholly old or wholly new.
/// </summary>
public static class TreeWriter
{
    /// <returns>null on success, else the error message.</returns>
    public static string? Apply(IReadOnlyList<PlannedChange> changes, string root, OwnerPolicy owners)
    {
        foreach (var change in changes)
        {
            var path = RootedPath.Under(root, change.Path);
            try
            {
                ApplyOne(change, path, owners);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"cannot write '{path}': {e.Message.TrimEnd('.')}. Files written before it are complete; nothing after it was touched. Fix the cause and run reconfigure again.";
            }
        }

        return null;
    }

    private static void ApplyOne(PlannedChange change, string path, OwnerPolicy owners)
    {
        if (change.Kind == ChangeKind.Removed)
        {
            File.Delete(path);
            return;
        }

        var entry = change.Entry!;
        switch (entry.Kind)
        {
            case EntryKind.Directory:
                if (change.Kind != ChangeKind.Unchanged)
                {
                    Directory.CreateDirectory(path);
                    UnixFileModes.Set(path, entry.Mode);
                }

                owners.SetOwner(path, entry.Owner, entry.Group);
                break;
            case EntryKind.Symlink:
                if (change.Kind != ChangeKind.Unchanged)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    AtomicFile.Symlink(path, entry.LinkTarget!);
                }

                break;
            default:
                if (change.Kind == ChangeKind.Unchanged)
                {
                    owners.SetOwner(path, entry.Owner, entry.Group);
                }
                else if (change.ModeOnly)
                {
                    UnixFileModes.Set(path, entry.Mode);
                    owners.SetOwner(path, entry.Owner, entry.Group);
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    AtomicFile.Write(path, entry.Content, entry.Mode, temp => owners.SetOwner(temp, entry.Owner, entry.Group));
                }

                break;
        }
    }
}
