using Praefect.Ctl.Tests.Reconfigure;

namespace Praefect.Ctl.Tests.DiffConfig;

public class DiffConfigCommandTests
{
    private TempRoot _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempRoot();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private CtlRun DiffConfig() => CtlRun.Of("diff-config", "--config", _temp.GitlabRb, "--root", _temp.Root);

    [Test]
    public void DiffConfig_NothingRenderedYet_Exits1AndWritesNothing()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());

        var run = DiffConfig();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.OutLines, Does.Contain("created   /var/opt/gitlab/praefect/config.yml (0640 root:git)"));
        Assert.That(run.OutLines, Does.Contain("action: start (the service is set up for the first time)"));
        Assert.That(Directory.Exists(_temp.Root), Is.False);
    }

    [Test]
    public void DiffConfig_AfterReconfigure_Exits0WithNoChange()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        CtlRun.Of("reconfigure", "--config", _temp.GitlabRb, "--root", _temp.Root);

        var run = DiffConfig();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Is.EqualTo(new[] { "0 created, 0 changed, 0 removed, 11 unchanged", "action: none (nothing changed)" }));
    }

    [Test]
    public void DiffConfig_LoggingLevelChanged_Exits1ShowingTheDiffAndReload()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        CtlRun.Of("reconfigure", "--config", _temp.GitlabRb, "--root", _temp.Root);
        _temp.WriteGitlabRb(SeedGitlabRb.Text(extra: "praefect['logging_level'] = 'debug'"));

        var run = DiffConfig();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.OutLines, Is.EqualTo(new[]
        {
            "changed   /var/opt/gitlab/praefect/config.yml (0640 root:git)",
            "--- a/var/opt/gitlab/praefect/config.yml",
            "+++ b/var/opt/gitlab/praefect/config.yml",
            "@@ -12,7 +12,7 @@",
            "   token: [REDACTED]",
            "   transitioning: false",
            " logging:",
            "-  level: \"info\"",
            "+  level: \"debug\"",
            "   format: \"json\"",
            " graceful_stop_timeout_seconds: 60",
            " data_dir: \"/var/opt/gitlab/praefect\"",
            "0 created, 1 changed, 0 removed, 10 unchanged",
            "action: reload (only reloadable settings changed: logging.level)",
        }));
    }

    [Test]
    public void DiffConfig_InvalidGitlabRb_Exits2()
    {
        _temp.WriteGitlabRb("praefect['enable'] = tru\n");

        var run = DiffConfig();

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
    }
}
