using Praefect.Configuration.Rendering.Apply;
using Praefect.Ctl.Tests.Reconfigure;

namespace Praefect.Ctl.Tests.Render;

public class RenderCommandTests
{
    [Test]
    public void Render_Output_WritesEveryFileAndPrintsTheManifest()
    {
        using var temp = new TempRoot();
        temp.WriteGitlabRb(SeedGitlabRb.Text(extra: "praefect['service_manager'] = 'systemd'"));

        var run = CtlRun.Of("render", "--config", temp.GitlabRb, "--output", temp.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.OutLines, Is.EqualTo(new[]
        {
            "dir  0700 git:git /var/opt/gitlab/praefect",
            "dir  0700 git:git /var/log/gitlab/praefect",
            "file 0640 root:git /var/opt/gitlab/praefect/config.yml",
            "file 0644 root:root /etc/systemd/system/praefect.service",
        }));
        Assert.That(File.ReadAllText(temp.UnderRoot("/etc/systemd/system/praefect.service")), Does.Contain("ExecReload=/bin/kill -HUP $MAINPID\n"));
        Assert.That(UnixFileModes.Get(temp.UnderRoot("/var/opt/gitlab/praefect/config.yml")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
    }

    [Test]
    public void Render_MissingTemplates_Exits1NamingTheTemplateAndTheFix()
    {
        using var temp = new TempRoot();
        temp.WriteGitlabRb(SeedGitlabRb.Text());

        var run = CtlRun.Of("render", "--config", temp.GitlabRb, "--output", temp.Root, "--templates", temp.Directory + "/none");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain($"{temp.Directory}/none/config.yml.sbn:1:1: error: cannot read template 'config.yml.sbn'"));
        Assert.That(run.Error, Does.Contain("hint: pass --templates DIR or set PRAEFECT_TEMPLATES_DIR to the directory holding the templates"));
        Assert.That(Directory.Exists(temp.Root), Is.False);
    }
}
