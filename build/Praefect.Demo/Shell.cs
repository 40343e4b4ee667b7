namespace Praefect.Demo;

internal static class Shell
{
    /// <summary>One POSIX shell word.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
