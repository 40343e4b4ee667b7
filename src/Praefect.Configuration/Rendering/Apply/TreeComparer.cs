namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// Compares a rendered tree with what is on disk under a root: which entries are new, which
/// differ in content, link target or mode, which are unchanged, and which files in an owned
/// directory are no longer rendered.
/// </summary>
public static class TreeComparer
{
    public static IReadOnlyList<PlannedChange> Compare(RenderedTree tree, string root)
    {
        var changes = new List<PlannedChange>();
        foreach (var entry in tree.Entries)
        {
            changes.Add(CompareEntry(entry, RootedPath.Under(root, entry.Path)));
        }

        var rendered = tree.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var owned in tree.OwnedDirectories)
        {
            var onDisk = RootedPath.Under(root, owned);
            if (!Directory.Exists(onDisk))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(onDisk).Order(StringComparer.Ordinal))
            {
                var path = owned + "/" + Path.GetFileName(file);
                if (!rendered.Contains(path))
                {
                    changes.Add(new PlannedChange(ChangeKind.Removed, path, null, ReadOrNull(file)));
                }
            }
        }

        return changes;
    }

    private static PlannedChange CompareEntry(RenderedEntry entry, string onDisk)
    {
        switch (entry.Kind)
        {
            case EntryKind.Directory:
                return Directory.Exists(onDisk)
                    ? new PlannedChange(ModeDiffers(onDisk, entry.Mode) ? ChangeKind.Changed : ChangeKind.Unchanged, entry.Path, entry, null,
                        ModeOnly: true)
                    : new PlannedChange(ChangeKind.Created, entry.Path, entry, null);
            case EntryKind.Symlink:
                var info = new FileInfo(onDisk);
                if (info.LinkTarget is null && !info.Exists && !Directory.Exists(onDisk))
                {
                    return new PlannedChange(ChangeKind.Created, entry.Path, entry, null);
                }

                return new PlannedChange(info.LinkTarget == entry.LinkTarget ? ChangeKind.Unchanged : ChangeKind.Changed, entry.Path, entry,
                    info.LinkTarget);
            default:
                if (!File.Exists(onDisk))
                {
                    return new PlannedChange(ChangeKind.Created, entry.Path, entry, null);
                }

                var old = ReadOrNull(onDisk);
                if (old != entry.Content)
                {
                    return new PlannedChange(ChangeKind.Changed, entry.Path, entry, old);
                }

                return new PlannedChange(ModeDiffers(onDisk, entry.Mode) ? ChangeKind.Changed : ChangeKind.Unchanged, entry.Path, entry, old,
                    ModeOnly: true);
        }
    }

    private static bool ModeDiffers(string path, UnixFileMode mode) => UnixFileModes.Get(path) != mode;

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
