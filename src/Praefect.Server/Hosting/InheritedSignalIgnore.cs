using System.Runtime.InteropServices;

namespace Praefect.Server.Hosting;

/// <summary>
/// A signal ignored by whoever started praefect (nohup, some supervisors and CI runners ignore
/// SIGHUP) stays ignored by .NET even after a <see cref="PosixSignalRegistration"/>, so a reload
/// would silently never happen. Go's signal.Notify takes such a signal back; this does the same by
/// restoring the default disposition before the registration.
/// </summary>
internal static class InheritedSignalIgnore
{
    private const int SigHup = 1;
    private static readonly nint SigDfl = 0;
    private static readonly nint SigIgn = 1;

    /// <summary>Takes SIGHUP back from an inherited ignore; true when it was ignored.</summary>
    public static bool ReclaimHangup()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        var previous = signal(SigHup, SigDfl);
        if (previous == SigIgn)
        {
            return true;
        }

        // Not ignored: put back whatever was there (the runtime's own handler, if any).
        signal(SigHup, previous);
        return false;
    }

    [DllImport("libc")]
    private static extern nint signal(int signum, nint handler);
}
