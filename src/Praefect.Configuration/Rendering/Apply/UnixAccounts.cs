using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Praefect.Configuration.Rendering.Apply;

/// <summary>Looks up user and group ids (through <c>getent</c>, so NSS users count), changes owners, tells whether we run as root.</summary>
public static partial class UnixAccounts
{
    public static bool IsRoot => geteuid() == 0;

    public static uint? UserId(string name) => Lookup("passwd", name);

    public static uint? GroupId(string name) => Lookup("group", name);

    /// <summary>Sets the owner of <paramref name="path"/> (not following a symlink). Throws IOException on failure.</summary>
    public static void Chown(string path, uint userId, uint groupId)
    {
        if (lchown(path, userId, groupId) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot change the owner of '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    private static uint? Lookup(string database, string name)
    {
        var start = new ProcessStartInfo("getent") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(name);
        try
        {
            using var process = Process.Start(start)!;
            var line = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var fields = line.Split(':');
            return process.ExitCode == 0 && fields.Length > 2 && uint.TryParse(fields[2], out var id) ? id : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int lchown(string path, uint owner, uint group);
}
