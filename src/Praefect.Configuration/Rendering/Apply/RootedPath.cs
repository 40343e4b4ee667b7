namespace Praefect.Configuration.Rendering.Apply;

/// <summary>Maps a target-system path under a <c>--root</c> directory.</summary>
public static class RootedPath
{
    public static string Under(string root, string path) =>
        root is "" or "/" ? path : root.TrimEnd('/') + "/" + path.TrimStart('/');

    public static bool IsSystemRoot(string root) => Path.GetFullPath(root) == "/";
}
