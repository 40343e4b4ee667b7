using System.Runtime.InteropServices;

namespace Praefect.Configuration.Rendering.Apply;

/// <summary>rename(2): atomically replaces <c>to</c>, also when <c>from</c> is a symlink to a directory (File.Move refuses those).</summary>
internal static class UnixRename
{
    public static void Rename(string from, string to)
    {
        if (rename(from, to) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot rename '{from}' to '{to}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int rename(string oldpath, string newpath);
}
