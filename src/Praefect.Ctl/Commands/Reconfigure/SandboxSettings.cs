using Praefect.Configuration.Rendering.Apply;
using Praefect.Configuration.Settings;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>
/// <c>reconfigure --sandbox</c>: a tree that runs where it is rendered. The directories the service
/// uses (data, logs, unix socket) move under the root, and the service runs as the user who
/// rendered it, so nothing outside the root is written and no account is needed.
/// </summary>
internal static class SandboxSettings
{
    public static PraefectSettings Relocate(PraefectSettings settings, string root) => settings with
    {
        Dir = RootedPath.Under(root, settings.Dir),
        LogDirectory = RootedPath.Under(root, settings.LogDirectory),
        SocketPath = settings.SocketPath.Length == 0 ? "" : RootedPath.Under(root, settings.SocketPath),
        Username = Environment.UserName,
        Group = CurrentGroup(),
    };

    private static string CurrentGroup()
    {
        // The primary group's name, as chpst -u user:group in the run script needs it.
        var info = new System.Diagnostics.ProcessStartInfo("id", ["-gn"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var id = System.Diagnostics.Process.Start(info);
        var name = id?.StandardOutput.ReadToEnd().Trim();
        id?.WaitForExit();
        return string.IsNullOrEmpty(name) ? Environment.UserName : name;
    }
}
