namespace Praefect.Bench;

/// <summary>The machine's 1, 5 and 15 minute load averages, printed beside every figure (a loaded machine's figures say little).</summary>
internal static class MachineLoad
{
    public static string Average() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
