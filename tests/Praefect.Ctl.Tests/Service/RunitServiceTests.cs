using System.Diagnostics;
using System.Text.RegularExpressions;
using Praefect.Configuration.Rendering.Apply;
using Praefect.Ctl.Tests.Reconfigure;

namespace Praefect.Ctl.Tests.Service;

/// <summary>
/// runit for real: reconfigure renders the service into a temp root with the praefect binary
/// replaced by a long-running script, runsv supervises it, and praefect-ctl status/stop/start
/// report and change the real state.
/// </summary>
public class RunitServiceTests
{
    // Sized for a loaded CI machine; every wait returns as soon as its condition holds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private TempRoot _temp = null!;
    private Process? _runsv;

    private string ServiceDir => _temp.UnderRoot("/opt/gitlab/sv/praefect");

    [SetUp]
    public void SetUp()
    {
        if (!UnixAccounts.IsRoot || !File.Exists("/usr/bin/runsv"))
        {
            Assert.Ignore("needs root (chpst -U) and Debian's runit package (runsv, sv)");
        }

        _temp = new TempRoot();
        var binary = Path.Combine(_temp.Directory, "fake-praefect");
        File.WriteAllText(binary, "#!/bin/sh\nexec sleep 1000\n");
        UnixFileModes.Set(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // svlogd logs to the absolute log dir written in log/run; outside the root it must exist already.
        var logDir = Path.Combine(_temp.Directory, "log");
        Directory.CreateDirectory(logDir);
        _temp.WriteGitlabRb(SeedGitlabRb.Text(extra: $"""
            praefect['binary_path'] = '{binary}'
            praefect['log_directory'] = '{logDir}'
            praefect['username'] = 'root'
            praefect['group'] = 'root'
            """));
        var reconfigure = CtlRun.Of("reconfigure", "--config", _temp.GitlabRb, "--root", _temp.Root);
        Assert.That(reconfigure.ExitCode, Is.EqualTo(0), reconfigure.ToString());
        _runsv = Process.Start(new ProcessStartInfo("runsv", [ServiceDir]) { RedirectStandardError = true, RedirectStandardOutput = true });
    }

    [TearDown]
    public void TearDown()
    {
        if (_runsv is not null)
        {
            // sv exit stops praefect and its log service, then runsv itself exits.
            using var exit = Process.Start(new ProcessStartInfo("sv", ["-w", "5", "exit", ServiceDir]) { RedirectStandardOutput = true });
            exit!.WaitForExit(10_000);
            if (!_runsv.WaitForExit(10_000))
            {
                _runsv.Kill(entireProcessTree: true);
            }

            _runsv.Dispose();
        }

        _temp?.Dispose();
    }

    private CtlRun Ctl(string command) => CtlRun.Of(command, "--config", _temp.GitlabRb, "--root", _temp.Root);

    private CtlRun WaitForStatus(Regex expected)
    {
        var stopwatch = Stopwatch.StartNew();
        CtlRun status;
        do
        {
            status = Ctl("status");
            if (expected.IsMatch(status.Out.TrimEnd('\n')))
            {
                return status;
            }

            Task.Delay(20).Wait();
        }
        while (stopwatch.Elapsed < Timeout);

        Assert.Fail($"status did not match {expected} within {Timeout.TotalSeconds} s; last:\n{status}");
        return status;
    }

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > Timeout)
            {
                Assert.Fail($"timed out after {Timeout.TotalSeconds} s waiting for {what}");
            }

            Task.Delay(20).Wait();
        }
    }

    [Test]
    public void StatusStopStart_RealRunsv_ReportAndChangeTheState()
    {
        var running = WaitForStatus(new Regex(@"^run: praefect: \(pid (\d+)\) \d+s; run: log: \(pid \d+\) \d+s$"));
        var pid = int.Parse(Regex.Match(running.Out, @"pid (\d+)").Groups[1].Value);
        // runsv reports the pid as soon as it forked run; chpst execs the service a moment later.
        WaitFor(() => ReadCommandLine(pid).StartsWith("sleep\01000", StringComparison.Ordinal),
            $"pid {pid} to exec the service binary (sleep 1000) after chpst");

        var stop = Ctl("stop");
        Assert.That(stop.ExitCode, Is.EqualTo(0), stop.ToString());
        Assert.That(stop.Out, Does.Match(@"^ok: down: praefect: \d+s, normally up"));
        WaitForStatus(new Regex(@"^down: praefect: \d+s, normally up; run: log: \(pid \d+\) \d+s$"));
        Assert.That(Directory.Exists($"/proc/{pid}"), Is.False, "the stopped process is still there");

        var start = Ctl("start");
        Assert.That(start.ExitCode, Is.EqualTo(0), start.ToString());
        Assert.That(start.Out, Does.Match(@"^ok: run: praefect: \(pid \d+\) \d+s"));
        var restarted = WaitForStatus(new Regex(@"^run: praefect: \(pid (\d+)\) \d+s; run: log: \(pid \d+\) \d+s$"));
        Assert.That(restarted.Out, Does.Not.Contain($"(pid {pid})"));
    }
}
