using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;

namespace Praefect.Ctl.ServiceManagers;

/// <summary>
/// runit, Omnibus style: <c>sv</c> on the service dir (under the root), enabled by the
/// runsvdir link in /opt/gitlab/service. sv names the service by its path; output says 'praefect'.
/// </summary>
internal sealed class RunitServiceManager(string root, ServiceLayout layout, int stopWaitSeconds) : IServiceManager
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan SuperviseWait = TimeSpan.FromSeconds(10);

    private readonly string _serviceDir = RootedPath.Under(root, layout.RunitServiceDir);

    public string Name => "runit";

    public bool IsSetUp => Directory.Exists(_serviceDir);

    public CommandResult Status() => Sv("status");

    public CommandResult Start() => Sv("start");

    public CommandResult Stop() => Sv("stop");

    public CommandResult Restart() => Sv("restart");

    public CommandResult Reload() => Sv("hup");

    public CommandResult Refresh() => new(0, []);

    public CommandResult Signal(ServiceSignal signal) => Sv(signal switch
    {
        ServiceSignal.Hup => "hup",
        ServiceSignal.Term => "term",
        ServiceSignal.Int => "interrupt",
        _ => "kill",
    });

    public CommandResult Once() => Sv("once");

    public CommandResult GracefulKill()
    {
        // sv stop: down (no restart) + TERM, waiting the graceful stop; whatever survives it gets SIGKILL.
        var stop = Sv("stop");
        if (stop.Succeeded)
        {
            return stop;
        }

        var kill = Sv("kill");
        return new CommandResult(kill.ExitCode, [.. stop.Lines, .. kill.Lines]);
    }

    public CommandResult EnableAndStart()
    {
        // runsvdir notices the new link within 5 s and starts runsv on it; wait for runsv, bounded.
        var ok = Path.Combine(_serviceDir, "supervise", "ok");
        var deadline = DateTime.UtcNow + SuperviseWait;
        while (!File.Exists(ok) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        return File.Exists(ok)
            ? Start()
            : new CommandResult(1, [$"fail: praefect: runsv is not supervising {_serviceDir} after {SuperviseWait.TotalSeconds:0} s; is runsvdir running on {Path.GetDirectoryName(layout.RunitServiceLink)}?"]);
    }

    public CommandResult StopAndDisable()
    {
        var lines = new List<string>();
        var exit = 0;
        if (File.Exists(Path.Combine(_serviceDir, "supervise", "ok")))
        {
            var stop = Stop();
            lines.AddRange(stop.Lines);
            exit = stop.ExitCode;
        }

        var link = RootedPath.Under(root, layout.RunitServiceLink);
        if (new FileInfo(link).LinkTarget is not null)
        {
            File.Delete(link);
            lines.Add($"removed {layout.RunitServiceLink}: runsvdir no longer starts praefect");
        }

        return new CommandResult(exit, lines);
    }

    public int Tail(TextWriter output) =>
        ProcessRunner.Stream("tail", ["-n", "50", "-F", RootedPath.Under(root, layout.LogDir) + "/current"], output);

    private CommandResult Sv(string command)
    {
        var result = ProcessRunner.Run("sv", ["-w", stopWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), command, _serviceDir], CommandTimeout);
        return result with { Lines = result.Lines.Select(line => line.Replace(_serviceDir + ":", ServiceLayout.ServiceName + ":", StringComparison.Ordinal)).ToList() };
    }
}
