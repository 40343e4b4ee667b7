using System.Text.Json;

namespace Praefect.Ctl.Tests.Check;

public sealed class CheckCommandTests : GitlabRbCommandTests
{
    [Test]
    public void Check_ValidFile_ExitsZeroAndSaysOk()
    {
        Fixture.Write(GitlabRbFixture.ValidBlock);

        var exit = Fixture.Run("check", "--config", Fixture.Path);

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(Fixture.Stdout, Is.EqualTo($"{Fixture.Path}: OK (0 errors, 0 warnings)\n"));
        Assert.That(Fixture.Stderr, Is.Empty);
    }

    [Test]
    public void Check_WarningsOnly_ExitsZeroAndPrintsWarnings()
    {
        Fixture.Write("""
            praefect['enable'] = true
            praefect['virtual_storages'] = { 'praefect' => { 'g1' => { 'address' => 'tcp://127.0.0.1:18075', 'primary' => true } } }
            """);

        var exit = Fixture.Run("check", "-c", Fixture.Path);

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(Fixture.Stderr, Is.EqualTo(
            $"{Fixture.Path}:2:58: warning: virtual storage 'praefect': node 'g1' has no token; set 'token' to that Gitaly's auth token\n"
            + "  hint: without a token praefect can talk only to a Gitaly whose authentication is off\n"));
        Assert.That(Fixture.Stdout, Is.EqualTo($"{Fixture.Path}: OK (0 errors, 1 warning)\n"));
    }

    [Test]
    public void Check_Errors_ExitsOneWithEveryDiagnosticOnStderr()
    {
        Fixture.Write("""
            praefcet['enable'] = true
            praefect['auth_token'] = PRAEFECT_SQL_PASSWORD
            """);

        var exit = Fixture.Run("check", "--config", Fixture.Path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(Fixture.Stderr, Is.EqualTo(
            $"{Fixture.Path}:1:1: error: undefined name 'praefcet'; did you mean 'praefect'?\n"
            + "  hint: rename 'praefcet' to 'praefect'\n"
            + $"{Fixture.Path}:2:26: error: unknown constant 'PRAEFECT_SQL_PASSWORD'\n"
            + "  hint: write the value as a string, or read it from the environment with ENV['PRAEFECT_SQL_PASSWORD']\n"));
        Assert.That(Fixture.Stdout, Is.EqualTo($"{Fixture.Path}: invalid (2 errors, 0 warnings)\n"));
    }

    [Test]
    public void Check_MissingFile_ExitsTwo()
    {
        var missing = Fixture.Path + ".missing";

        var exit = Fixture.Run("check", "--config", missing);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Fixture.Stderr, Does.StartWith($"{missing}:1:1: error: cannot read {missing}: "));
    }

    [Test]
    public void Check_FormatJson_PrintsMachineReadableReport()
    {
        Fixture.Write("praefect['enable'] = 'yes'");

        var exit = Fixture.Run("check", "--config", Fixture.Path, "--format", "json");

        Assert.That(exit, Is.EqualTo(1));
        using var report = JsonDocument.Parse(Fixture.Stdout);
        var root = report.RootElement;
        Assert.That(root.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("errors").GetInt32(), Is.EqualTo(1));
        var diagnostic = root.GetProperty("diagnostics")[0];
        Assert.That(
            (diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(), diagnostic.GetProperty("code").GetString(), diagnostic.GetProperty("message").GetString()),
            Is.EqualTo(("error", 1, 22, "wrong-type", "praefect['enable'] must be true or false, not a string")));
        Assert.That(Fixture.Stderr, Is.Empty);
    }

    [Test]
    public void Check_UnknownFormat_ExitsTwoWithUsage()
    {
        Fixture.Write(GitlabRbFixture.ValidBlock);

        var exit = Fixture.Run("check", "--config", Fixture.Path, "--format", "xml");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Fixture.Stderr, Does.Contain("xml"));
    }

    [Test]
    public void Check_NoConfigOption_ReadsPathFromEnvironment()
    {
        Fixture.Write(GitlabRbFixture.ValidBlock);
        var previous = Environment.GetEnvironmentVariable("PRAEFECT_GITLAB_RB");
        Environment.SetEnvironmentVariable("PRAEFECT_GITLAB_RB", Fixture.Path);
        try
        {
            var exit = Fixture.Run("check");

            Assert.That(exit, Is.EqualTo(0));
            Assert.That(Fixture.Stdout, Is.EqualTo($"{Fixture.Path}: OK (0 errors, 0 warnings)\n"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PRAEFECT_GITLAB_RB", previous);
        }
    }

    [Test]
    public void Check_Help_ShowsExamples()
    {
        var exit = Fixture.Run("check", "--help");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(Fixture.Stdout, Does.Contain("praefect-ctl check --format json > diagnostics.json"));
    }
}
