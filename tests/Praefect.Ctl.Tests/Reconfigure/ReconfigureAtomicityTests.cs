namespace Praefect.Ctl.Tests.Reconfigure;

/// <summary>
/// reconfigure is all or nothing: when a later file of the tree cannot be staged (a file stands
/// where the runit log directory goes), no file is replaced, the previous tree stays identical by
/// hash, a fresh root gets nothing, and no "created" line claims otherwise.
/// </summary>
public class ReconfigureAtomicityTests
{
    private const string LogServiceDir = "/opt/gitlab/sv/praefect/log";

    private TempRoot _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempRoot();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private CtlRun Reconfigure() => CtlRun.Of("reconfigure", "--config", _temp.GitlabRb, "--root", _temp.Root);

    private void BlockLogServiceDir()
    {
        var log = _temp.UnderRoot(LogServiceDir);
        if (Directory.Exists(log))
        {
            Directory.Delete(log, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, "not a directory\n");
    }

    [Test]
    public void Reconfigure_LaterFileBlockedOnFreshRoot_WritesNothing()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        BlockLogServiceDir();
        var before = _temp.Snapshot();

        var run = Reconfigure();

        TestContext.Out.WriteLine(run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain($"cannot write '{_temp.UnderRoot(LogServiceDir)}': a file stands where this directory goes; move it away. Nothing was changed"));
        Assert.That(run.Out, Does.Not.Contain("created"));
        Assert.That(_temp.Snapshot(), Is.EqualTo(before), "a fresh root must get nothing but the blocker that was already there");
    }

    [Test]
    public void Reconfigure_LaterFileBlockedAfterEarlierRun_LeavesEveryPreviousFileIdentical()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Assert.That(Reconfigure().ExitCode, Is.EqualTo(0));
        BlockLogServiceDir();
        _temp.WriteGitlabRb(SeedGitlabRb.Text(token2: "a-new-token", listen: "localhost:2399"));
        var before = _temp.Snapshot();

        var run = Reconfigure();

        TestContext.Out.WriteLine(run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("Nothing was changed"));
        Assert.That(run.Out, Does.Not.Contain("changed   /var/opt/gitlab/praefect/config.yml"));
        Assert.That(_temp.Snapshot(), Is.EqualTo(before), "config.yml and the run files must all stay as they were");
        Assert.That(Directory.EnumerateFileSystemEntries(_temp.Root, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temp file is left behind");
    }

    [Test]
    public void Reconfigure_AfterBlockerRemoved_RerunWritesTheWholeTree()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        BlockLogServiceDir();
        Assert.That(Reconfigure().ExitCode, Is.EqualTo(1));
        File.Delete(_temp.UnderRoot(LogServiceDir));

        var run = Reconfigure();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Does.Contain("10 created, 0 changed, 0 removed, 1 unchanged"), "all but the service dir the blocker's test made");
        Assert.That(File.Exists(_temp.UnderRoot("/var/opt/gitlab/praefect/config.yml")), Is.True);
    }
}
