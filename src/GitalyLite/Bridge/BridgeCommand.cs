namespace GitalyLite.Bridge;

/// <summary>The shell command that runs this executable's bridge, for git's GIT_SSH_COMMAND.</summary>
internal static class BridgeCommand
{
    public static string ForThisExecutable(string mode)
    {
        var process = Environment.ProcessPath ?? "gitaly-lite";
        var runsUnderDotnet = Path.GetFileNameWithoutExtension(process) == "dotnet";
        var self = runsUnderDotnet
            ? $"{Quote(process)} {Quote(typeof(BridgeCommand).Assembly.Location)}"
            : Quote(process);
        return $"{self} ssh {mode}";
    }

    /// <summary>POSIX shell single-quoting.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
