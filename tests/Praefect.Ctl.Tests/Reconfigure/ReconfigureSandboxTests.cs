namespace Praefect.Ctl.Tests.Reconfigure;

/// <summary>reconfigure --sandbox: a tree that runs where it is rendered, touching nothing outside --root.</summary>
public class ReconfigureSandboxTests
{
    private TempRoot _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempRoot();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private CtlRun Sandbox() => CtlRun.Of("reconfigure", "--config", _temp.GitlabRb, "--root", _temp.Root, "--sandbox");

    [Test]
    public void Reconfigure_Sandbox_PathsInsideFilesPointUnderRoot()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());

        var run = Sandbox();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.StartWith($"praefect-ctl reconfigure: {_temp.GitlabRb} -> {_temp.Root} (sandbox)"));
        var config = File.ReadAllText(_temp.UnderRoot("/var/opt/gitlab/praefect/config.yml"));
        Assert.That(config, Does.Contain($"data_dir: \"{_temp.Root}/var/opt/gitlab/praefect\""));
        var run_script = File.ReadAllText(_temp.UnderRoot("/opt/gitlab/sv/praefect/run"));
        Assert.That(run_script, Does.Contain($"--config '{_temp.Root}/var/opt/gitlab/praefect/config.yml'"));
        Assert.That(run_script, Does.Contain($"-u '{Environment.UserName}:"));
        Assert.That(File.ReadAllText(_temp.UnderRoot("/opt/gitlab/sv/praefect/log/run")), Does.Contain($"svlogd '{_temp.Root}/var/log/gitlab/praefect'"));
        Assert.That(new FileInfo(_temp.UnderRoot("/opt/gitlab/service/praefect")).LinkTarget, Is.EqualTo("../sv/praefect"));
        Assert.That(run.OutLines, Does.Contain("service: not touched (--root is not /)"));
    }

    [Test]
    public void Reconfigure_SandboxTwice_ChangesNothing()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Sandbox();
        var before = _temp.Snapshot();

        var run = Sandbox();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Does.Contain("0 created, 0 changed, 0 removed, 11 unchanged"));
        Assert.That(_temp.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Reconfigure_SandboxWithSystemRoot_IsUsageError()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());

        var run = CtlRun.Of("reconfigure", "--config", _temp.GitlabRb, "--root", "/", "--sandbox");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo("praefect-ctl reconfigure: error: --sandbox needs a --root other than '/'; for example --root ./sandbox\n"));
    }
}
