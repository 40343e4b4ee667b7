namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// Replaces a file so that readers see the old or the new content, never a mix: write a temp
/// file in the same directory, fsync it, give it its mode and owner, then rename it over the
/// target. Mode and owner are set before the rename so a secret never shows with a wider mode.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string content, UnixFileMode mode, Action<string>? setOwner)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.praefect-{Guid.NewGuid():N}.tmp");
        try
        {
            var options = UnixFileModes.CreateNewPrivate();
            using (var stream = new FileStream(temp, options))
            {
                var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            UnixFileModes.Set(temp, mode);
            setOwner?.Invoke(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Points <paramref name="path"/> at <paramref name="target"/>, replacing an old link in one rename.</summary>
    public static void Symlink(string path, string target)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.praefect-{Guid.NewGuid():N}.tmp");
        File.CreateSymbolicLink(temp, target);
        try
        {
            UnixRename.Rename(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
