using System.Diagnostics;

namespace Praefect.Demo;

/// <summary>
/// Starts and stops the demo's long-running processes detached from the demo (so that --keep can
/// leave them running): under runit's runsvdir on the rendered service directories when runit is
/// installed, the Omnibus way, otherwise each as its own process. Pids go to a file in the sandbox.
/// </summary>
internal sealed class Services(string sandbox)
{
    private string PidFile => Path.Combine(sandbox, "demo.pids");

    public string ServiceDir => Path.Combine(sandbox, "opt/gitlab/service");

    public static bool RunitInstalled => FindOnPath("runsvdir") is not null && FindOnPath("sv") is not null;

    /// <summary>Adds a runit service (run script + link into the service dir) next to the rendered praefect one.</summary>
    public void DefineRunitService(string name, string command)
    {
        var serviceDir = Path.Combine(sandbox, "opt/gitlab/sv", name);
        Directory.CreateDirectory(serviceDir);
        var run = Path.Combine(serviceDir, "run");
        File.WriteAllText(run, "#!/bin/sh\n# Written by the demo: a storage node for the local cluster.\nexec 2>&1\nexec " + command + "\n");
        File.SetUnixFileMode(run, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(ServiceDir);
        var link = Path.Combine(ServiceDir, name);
        if (!File.Exists(link) && !Directory.Exists(link))
        {
            File.CreateSymbolicLink(link, "../sv/" + name);
        }
    }

    public int StartRunsvdir() => StartDetached("runsvdir", Shell.Quote("runsvdir") + " -P " + Shell.Quote(ServiceDir), Path.Combine(sandbox, "var/log/runsvdir.log"));

    /// <summary>Starts <paramref name="command"/> (a shell command line) in its own session, logging to a file.</summary>
    public int StartDetached(string name, string command, string logFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var info = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"setsid sh -c {Shell.Quote("exec " + command)} </dev/null >>{Shell.Quote(logFile)} 2>&1 & echo $!");
        using var process = Process.Start(info) ?? throw new DemoFailedException($"could not start {name}");
        var pid = int.Parse(process.StandardOutput.ReadToEnd().Trim(), System.Globalization.CultureInfo.InvariantCulture);
        process.WaitForExit();
        File.AppendAllText(PidFile, $"{pid} {name}\n");
        return pid;
    }

    /// <summary>Stops everything this sandbox started: runsvdir gets HUP (it stops every runsv and service), the rest TERM.</summary>
    public async Task StopAllAsync()
    {
        if (!File.Exists(PidFile))
        {
            return;
        }

        var entries = File.ReadAllLines(PidFile).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).ToList();
        foreach (var entry in entries)
        {
            Signal(int.Parse(entry[0], System.Globalization.CultureInfo.InvariantCulture), entry[1] == "runsvdir" ? "HUP" : "TERM");
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && (entries.Any(e => IsAlive(e[0])) || AnyRunsvUnder(ServiceDir)))
        {
            await Task.Delay(100);
        }

        foreach (var entry in entries.Where(e => IsAlive(e[0])))
        {
            Signal(int.Parse(entry[0], System.Globalization.CultureInfo.InvariantCulture), "KILL");
        }

        File.Delete(PidFile);
    }

    private static bool AnyRunsvUnder(string serviceDir) =>
        Directory.Exists(serviceDir) && Directory.EnumerateFileSystemEntries(serviceDir)
            .Any(s => File.Exists(Path.Combine(s, "supervise/pid")) && IsAlive(File.ReadAllText(Path.Combine(s, "supervise/pid")).Trim()));

    private static bool IsAlive(string pid) => pid.Length > 0 && Directory.Exists("/proc/" + pid);

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true });
        kill?.WaitForExit();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
