namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// The staged half of <see cref="TreeWriter"/>: temp files and links written beside their
/// targets, directories created for them, and the work left for the commit. Disposing removes
/// whatever temps were not renamed.
/// </summary>
internal sealed class TreeStage(string root, OwnerPolicy owners) : IDisposable
{
    private const string TempMarker = ".praefect-";

    private readonly List<(string Temp, string Target, bool Link)> _renames = [];
    private readonly List<string> _createdDirectories = [];
    private readonly List<Action> _afterRenames = [];
    private readonly HashSet<string> _cleanedDirectories = new(StringComparer.Ordinal);

    public string FailedPath { get; private set; } = "";

    public int Count => _renames.Count;

    public int Committed { get; private set; }

    public void Add(PlannedChange change)
    {
        var path = RootedPath.Under(root, change.Path);
        FailedPath = path;
        if (change.Kind == ChangeKind.Removed)
        {
            _afterRenames.Add(() => File.Delete(path));
            return;
        }

        var entry = change.Entry!;
        switch (entry.Kind)
        {
            case EntryKind.Directory:
                if (!Directory.Exists(path))
                {
                    CreateDirectory(path);
                    UnixFileModes.Set(path, entry.Mode);
                }
                else if (change.Kind != ChangeKind.Unchanged)
                {
                    _afterRenames.Add(() => UnixFileModes.Set(path, entry.Mode));
                }

                _afterRenames.Add(() => owners.SetOwner(path, entry.Owner, entry.Group));
                break;
            case EntryKind.Symlink when change.Kind != ChangeKind.Unchanged:
                var linkTemp = TempBeside(path);
                File.CreateSymbolicLink(linkTemp, entry.LinkTarget!);
                _renames.Add((linkTemp, path, true));
                break;
            case EntryKind.Symlink:
                break;
            default:
                if (change.Kind == ChangeKind.Unchanged)
                {
                    _afterRenames.Add(() => owners.SetOwner(path, entry.Owner, entry.Group));
                    break;
                }

                if (Directory.Exists(path))
                {
                    throw new IOException("a directory stands where this file goes; move it away");
                }

                // A change of mode alone is staged like a content change, so it too lands in one rename.
                var temp = TempBeside(path);
                _renames.Add((temp, path, false));
                using (var stream = new FileStream(temp, UnixFileModes.CreateNewPrivate()))
                {
                    stream.Write(new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(entry.Content));
                    stream.Flush(flushToDisk: true);
                }

                UnixFileModes.Set(temp, entry.Mode);
                owners.SetOwner(temp, entry.Owner, entry.Group);
                break;
        }
    }

    public void Commit()
    {
        foreach (var (temp, target, link) in _renames)
        {
            FailedPath = target;
            if (link)
            {
                UnixRename.Rename(temp, target);
            }
            else
            {
                File.Move(temp, target, overwrite: true);
            }

            Committed++;
        }

        foreach (var step in _afterRenames)
        {
            step();
        }
    }

    /// <summary>Removes the directories this run created, deepest first (the temps go in <see cref="Dispose"/>).</summary>
    public void Rollback()
    {
        DeleteTemps();
        for (var i = _createdDirectories.Count - 1; i >= 0; i--)
        {
            try
            {
                Directory.Delete(_createdDirectories[i]);
            }
            catch (IOException)
            {
                // Not empty (someone else wrote there meanwhile): leave it.
            }
        }

        _createdDirectories.Clear();
    }

    public void Dispose() => DeleteTemps();

    private void DeleteTemps()
    {
        foreach (var (temp, _, _) in _renames.Skip(Committed))
        {
            if (File.Exists(temp) || new FileInfo(temp).LinkTarget is not null)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Creates a directory and its missing parents, remembering each for <see cref="Rollback"/>.</summary>
    private void CreateDirectory(string path)
    {
        var missing = new Stack<string>();
        for (var dir = path; !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!)
        {
            if (File.Exists(dir) || new FileInfo(dir).LinkTarget is not null)
            {
                FailedPath = dir;
                throw new IOException("a file stands where this directory goes; move it away");
            }

            missing.Push(dir);
        }

        while (missing.TryPop(out var dir))
        {
            Directory.CreateDirectory(dir);
            _createdDirectories.Add(dir);
        }
    }

    private string TempBeside(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        CreateDirectory(directory);
        RemoveStaleTemps(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}{TempMarker}{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Temps an interrupted earlier run left behind (its window between write and rename).</summary>
    private void RemoveStaleTemps(string directory)
    {
        if (!_cleanedDirectories.Add(directory))
        {
            return;
        }

        foreach (var stale in Directory.EnumerateFileSystemEntries(directory, $".*{TempMarker}*.tmp"))
        {
            File.Delete(stale);
        }
    }
}
