using Praefect.Configuration.Rendering.Apply;
using Praefect.Ctl.Tests.Reconfigure;

namespace Praefect.Ctl.Tests.Service;

/// <summary>
/// gitlab-ctl's service verbs under <c>praefect['service_manager'] = 'systemd'</c>: a fake <c>systemctl</c> first on
/// PATH records its arguments (CI has no systemd), so each test asserts the exact systemctl call a verb makes.
/// </summary>
[NonParallelizable]
public class SystemdServiceTests
{
    private TempRoot _temp = null!;
    private string _calls = null!;
    private string? _path;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempRoot();
        var bin = Path.Combine(_temp.Directory, "bin");
        Directory.CreateDirectory(bin);
        _calls = Path.Combine(_temp.Directory, "systemctl-calls");
        var systemctl = Path.Combine(bin, "systemctl");
        File.WriteAllText(systemctl, $"""
            #!/bin/sh
            echo "$*" >> '{_calls}'
            if [ "$1" = show ]; then
              printf 'ActiveState=active\nMainPID=4242\nActiveEnterTimestampMonotonic=0\nUnitFileState=enabled\n'
            fi
            """.ReplaceLineEndings("\n"));
        UnixFileModes.Set(systemctl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", bin + Path.PathSeparator + _path);
        _temp.WriteGitlabRb(SeedGitlabRb.Text(extra: "praefect['service_manager'] = 'systemd'\n"));
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        _temp.Dispose();
    }

    private string[] Calls() => File.Exists(_calls) ? File.ReadAllLines(_calls) : [];

    [TestCase("hup", "kill --kill-who=main --signal=SIGHUP praefect.service")]
    [TestCase("term", "kill --kill-who=main --signal=SIGTERM praefect.service")]
    [TestCase("int", "kill --kill-who=main --signal=SIGINT praefect.service")]
    [TestCase("kill", "kill --kill-who=main --signal=SIGKILL praefect.service")]
    [TestCase("start", "start praefect.service")]
    [TestCase("stop", "stop praefect.service")]
    [TestCase("restart", "restart praefect.service")]
    [TestCase("graceful-kill", "stop praefect.service")]
    public void Verb_Systemd_OneSystemctlCall(string verb, string expected)
    {
        var run = CtlRun.Of(verb, "praefect", "--config", _temp.GitlabRb, "--root", _temp.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(Calls(), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Status_Systemd_RunitWordingFromSystemctlShow()
    {
        var run = CtlRun.Of("status", "--config", _temp.GitlabRb, "--root", _temp.Root);

        Assert.That((run.ExitCode, run.Out), Is.EqualTo((0, "run: praefect: (pid 4242) 0s\n")), run.ToString());
        Assert.That(Calls(), Is.EqualTo(new[] { "show praefect.service --property=ActiveState,MainPID,ActiveEnterTimestampMonotonic,InactiveEnterTimestampMonotonic,UnitFileState" }));
    }

    [Test]
    public void Once_Systemd_RefusedWithTheFixNoSystemctlCall()
    {
        var run = CtlRun.Of("once", "--config", _temp.GitlabRb, "--root", _temp.Root);

        Assert.That((run.ExitCode, run.Out), Is.EqualTo((1,
            "fail: praefect: 'once' is runit's (start without restarting); under systemd use 'praefect-ctl start' (the unit restarts praefect on failure)\n")));
        Assert.That(Calls(), Is.Empty);
    }
}
