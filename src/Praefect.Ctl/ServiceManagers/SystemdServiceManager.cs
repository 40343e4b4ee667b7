using System.Diagnostics;
using System.Globalization;
using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;

namespace Praefect.Ctl.ServiceManagers;

/// <summary>systemd: <c>systemctl</c> on praefect.service, logs through <c>journalctl</c>; status in runit's wording.</summary>
internal sealed class SystemdServiceManager(string root, ServiceLayout layout) : IServiceManager
{
    private const string Unit = "praefect.service";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    public string Name => "systemd";

    public bool IsSetUp => File.Exists(RootedPath.Under(root, layout.SystemdUnitPath));

    public CommandResult Status()
    {
        var show = Systemctl("show", Unit, "--property=ActiveState,MainPID,ActiveEnterTimestampMonotonic,InactiveEnterTimestampMonotonic,UnitFileState");
        if (!show.Succeeded)
        {
            return show;
        }

        var properties = show.Lines.Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var active = properties.GetValueOrDefault("ActiveState") is "active" or "reloading";
        var since = Seconds(properties.GetValueOrDefault(active ? "ActiveEnterTimestampMonotonic" : "InactiveEnterTimestampMonotonic"));
        var line = active
            ? $"run: praefect: (pid {properties.GetValueOrDefault("MainPID")}) {since}s"
            : $"down: praefect: {since}s, normally {(properties.GetValueOrDefault("UnitFileState") == "enabled" ? "up" : "down")}";
        return new CommandResult(0, [line]);
    }

    public CommandResult Start() => Systemctl("start", Unit);

    public CommandResult Stop() => Systemctl("stop", Unit);

    public CommandResult Restart() => Systemctl("restart", Unit);

    public CommandResult Reload() => Systemctl("reload", Unit);

    public CommandResult Refresh() => Systemctl("daemon-reload");

    public CommandResult Signal(ServiceSignal signal) => Systemctl("kill", "--kill-who=main", "--signal=" + signal switch
    {
        ServiceSignal.Hup => "SIGHUP",
        ServiceSignal.Term => "SIGTERM",
        ServiceSignal.Int => "SIGINT",
        _ => "SIGKILL",
    }, Unit);

    /// <summary>systemd cannot start a unit "once" (Restart= is not a runtime property): refused, with the fix.</summary>
    public CommandResult Once() => new(1,
        ["fail: praefect: 'once' is runit's (start without restarting); under systemd use 'praefect-ctl start' (the unit restarts praefect on failure)"]);

    /// <summary>systemctl stop is graceful-kill already: SIGTERM, then SIGKILL to the whole cgroup after TimeoutStopSec.</summary>
    public CommandResult GracefulKill() => Stop();

    public CommandResult EnableAndStart() => Systemctl("enable", "--now", Unit);

    public CommandResult StopAndDisable() => Systemctl("disable", "--now", Unit);

    public int Tail(TextWriter output) => ProcessRunner.Stream("journalctl", ["--unit", Unit, "--lines", "50", "--follow"], output);

    private static CommandResult Systemctl(params string[] arguments) => ProcessRunner.Run("systemctl", arguments, CommandTimeout);

    /// <summary>Seconds since a CLOCK_MONOTONIC timestamp in microseconds, as systemd reports them.</summary>
    private static long Seconds(string? monotonicMicroseconds)
    {
        if (!long.TryParse(monotonicMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var micros) || micros == 0)
        {
            return 0;
        }

        var nowMicros = Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000);
        return Math.Max(0, (nowMicros - micros) / 1_000_000);
    }
}
