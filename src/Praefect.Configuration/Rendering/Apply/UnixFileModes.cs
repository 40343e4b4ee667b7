namespace Praefect.Configuration.Rendering.Apply;

/// <summary>Unix file modes, behind one platform guard: rendering targets Linux and fails clearly elsewhere.</summary>
public static class UnixFileModes
{
    public static UnixFileMode Get(string path) =>
        OperatingSystem.IsWindows() ? throw NotSupported() : File.GetUnixFileMode(path);

    public static void Set(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotSupported();
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Options that create a new file readable and writable by its owner only.</summary>
    public static FileStreamOptions CreateNewPrivate()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static PlatformNotSupportedException NotSupported() => new("praefect-ctl renders files for Linux; file modes are not supported here");
}
