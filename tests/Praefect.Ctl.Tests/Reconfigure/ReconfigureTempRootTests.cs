using Praefect.Configuration.Rendering.Apply;
using System.Diagnostics;

namespace Praefect.Ctl.Tests.Reconfigure;

/// <summary>reconfigure into a temp --root: the sequence an admin goes through, checked on disk.</summary>
public class ReconfigureTempRootTests
{
    private TempRoot _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempRoot();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private CtlRun Reconfigure(params string[] extra) =>
        CtlRun.Of(["reconfigure", "--config", _temp.GitlabRb, "--root", _temp.Root, .. extra]);

    [Test]
    public void Reconfigure_FirstRun_CreatesEveryFileAndDecidesStart()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());

        var run = Reconfigure();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Does.Contain("created   /var/opt/gitlab/praefect/config.yml (0640 root:git)"));
        Assert.That(run.OutLines, Does.Contain("created   /opt/gitlab/sv/praefect/run (0755 root:root)"));
        Assert.That(run.OutLines, Does.Contain("created   /opt/gitlab/service/praefect -> ../sv/praefect"));
        Assert.That(run.OutLines, Does.Contain("11 created, 0 changed, 0 removed, 0 unchanged"));
        Assert.That(run.OutLines, Does.Contain("action: start (the service is set up for the first time)"));
        Assert.That(run.OutLines, Does.Contain("service: not touched (--root is not /)"));
        Assert.That(UnixFileModes.Get(_temp.UnderRoot("/var/opt/gitlab/praefect/config.yml")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
        Assert.That(UnixFileModes.Get(_temp.UnderRoot("/var/opt/gitlab/praefect")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.ReadAllText(_temp.UnderRoot("/opt/gitlab/sv/praefect/run")), Does.Contain("exec chpst -e './env' -P -U 'git:git' -u 'git:git' '/opt/praefect/bin/praefect' --config '/var/opt/gitlab/praefect/config.yml'"));
    }

    [Test]
    public void Reconfigure_SecondRun_ChangesNothing()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Reconfigure();
        var before = _temp.Snapshot();

        var run = Reconfigure();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Does.Contain("0 created, 0 changed, 0 removed, 11 unchanged"));
        Assert.That(run.OutLines, Does.Contain("action: none (nothing changed)"));
        Assert.That(run.Out, Does.Not.Contain("---"));
        Assert.That(_temp.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Reconfigure_NodeTokenChanged_RewritesOnlyConfigAndDecidesReload()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Reconfigure();
        var before = _temp.Snapshot();
        _temp.WriteGitlabRb(SeedGitlabRb.Text(token2: "token-two-rotated"));

        var run = Reconfigure();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var after = _temp.Snapshot();
        Assert.That(after.Keys, Is.EqualTo(before.Keys));
        Assert.That(after.Where(e => before[e.Key] != e.Value).Select(e => e.Key), Is.EqualTo(new[] { "/var/opt/gitlab/praefect/config.yml" }));
        Assert.That(run.OutLines, Does.Contain("changed   /var/opt/gitlab/praefect/config.yml (0640 root:git)"));
        Assert.That(run.OutLines, Does.Contain("-        token: [REDACTED]"));
        Assert.That(run.OutLines, Does.Contain("+        token: [REDACTED]"));
        Assert.That(run.OutLines, Does.Contain("action: reload (only reloadable settings changed: virtual_storages)"));
    }

    [Test]
    public void Reconfigure_ListenAddressChanged_DecidesRestart()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Reconfigure();
        _temp.WriteGitlabRb(SeedGitlabRb.Text(listen: "0.0.0.0:2305"));

        var run = Reconfigure();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Does.Contain("-listen_addr: \"localhost:2305\""));
        Assert.That(run.OutLines, Does.Contain("+listen_addr: \"0.0.0.0:2305\""));
        Assert.That(run.OutLines, Does.Contain("action: restart (changed settings need a restart: listen_addr)"));
    }

    [Test]
    public void Reconfigure_EnvVariableAddedThenRemoved_RestartsAndDeletesTheStaleFile()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text(extra: "praefect['env'] = { 'SSL_CERT_DIR' => '/etc/ssl/certs' }"));
        Reconfigure();
        Assert.That(File.ReadAllText(_temp.UnderRoot("/opt/gitlab/sv/praefect/env/SSL_CERT_DIR")), Is.EqualTo("/etc/ssl/certs\n"));
        _temp.WriteGitlabRb(SeedGitlabRb.Text());

        var run = Reconfigure();

        Assert.That(run.OutLines, Does.Contain("removed   /opt/gitlab/sv/praefect/env/SSL_CERT_DIR"));
        Assert.That(run.OutLines, Does.Contain("action: restart (the run script or its environment changed)"));
        Assert.That(File.Exists(_temp.UnderRoot("/opt/gitlab/sv/praefect/env/SSL_CERT_DIR")), Is.False);
    }

    [Test]
    public void Reconfigure_InvalidGitlabRb_LeavesEveryFileByteIdenticalAndExits1()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Reconfigure();
        var before = _temp.Snapshot();
        _temp.WriteGitlabRb(SeedGitlabRb.Text(listen: "0.0.0.0:2305") + "\npraefect['listen_adr'] = 'x'\n");

        var run = Reconfigure();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("error: unknown key praefect['listen_adr']"));
        Assert.That(run.Error, Does.Contain("praefect-ctl reconfigure: 1 error(s) in " + _temp.GitlabRb + "; nothing was changed."));
        Assert.That(_temp.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Reconfigure_ReadOnlyTargetDirectory_FailsAndLeavesOldFilesIntact()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Reconfigure();
        var before = _temp.Snapshot();
        var dataDir = _temp.UnderRoot("/var/opt/gitlab/praefect");
        MakeReadOnly(dataDir);
        try
        {
            _temp.WriteGitlabRb(SeedGitlabRb.Text(token2: "token-two-rotated"));

            var run = Reconfigure();

            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.StartWith($"praefect-ctl reconfigure: error: cannot write '{dataDir}/config.yml': "));
            Assert.That(_temp.Snapshot(), Is.EqualTo(before));
            Assert.That(Directory.EnumerateFiles(dataDir), Is.EqualTo(new[] { dataDir + "/config.yml" }), "a temp file was left behind");
        }
        finally
        {
            MakeWritable(dataDir);
        }
    }

    [Test]
    public void Reconfigure_DryRun_WritesNothingAndShowsTheAction()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());

        var run = Reconfigure("--dry-run");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Does.Contain("action: start (the service is set up for the first time)"));
        Assert.That(run.OutLines, Does.Contain("service: not touched (--dry-run)"));
        Assert.That(Directory.Exists(_temp.Root), Is.False);
    }

    [Test]
    public void Reconfigure_Disabled_RendersNothingAndWouldStopAServiceSetUpBefore()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text());
        Reconfigure();
        var before = _temp.Snapshot();
        _temp.WriteGitlabRb(SeedGitlabRb.Text(enable: false));

        var run = Reconfigure();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Is.EqualTo(new[]
        {
            $"praefect-ctl reconfigure: {_temp.GitlabRb} -> {_temp.Root}",
            "praefect['enable'] is false: nothing rendered",
            "action: stop and disable (praefect['enable'] is false and the service was set up before)",
            "service: not touched (--root is not /)",
        }));
        Assert.That(_temp.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void ReconfigureDiffConfigShowConfig_AnyRun_NeverPrintsASecret()
    {
        _temp.WriteGitlabRb(SeedGitlabRb.Text(extra: "praefect['database_password'] = 'db-password-secret'"));
        var outputs = new List<CtlRun> { Reconfigure() };
        _temp.WriteGitlabRb(SeedGitlabRb.Text(token2: "token-two-rotated", extra: "praefect['database_password'] = 'db-password-rotated'"));
        outputs.Add(CtlRun.Of("diff-config", "--config", _temp.GitlabRb, "--root", _temp.Root));
        outputs.Add(Reconfigure());
        outputs.Add(CtlRun.Of("show-config", "--config", _temp.GitlabRb));
        outputs.Add(Reconfigure("--dry-run"));

        foreach (var secret in new[] { SeedGitlabRb.AuthToken, "token-one-secret", "token-two-secret", "token-two-rotated", "db-password-secret", "db-password-rotated" })
        {
            foreach (var run in outputs)
            {
                Assert.That(run.All, Does.Not.Contain(secret));
            }
        }

        Assert.That(outputs[2].OutLines, Does.Contain("-  password: [REDACTED]"));
    }

    private static void MakeReadOnly(string directory)
    {
        if (Environment.UserName != "root")
        {
            UnixFileModes.Set(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            return;
        }

        // root ignores permission bits; the immutable attribute stops it too.
        if (Chattr("+i", directory) != 0)
        {
            Assert.Ignore("cannot make a directory read-only for root here (chattr +i failed)");
        }
    }

    private static void MakeWritable(string directory)
    {
        if (Environment.UserName == "root")
        {
            Chattr("-i", directory);
        }
        else
        {
            UnixFileModes.Set(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static int Chattr(string flag, string path)
    {
        using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        process.WaitForExit(10_000);
        return process.ExitCode;
    }
}
