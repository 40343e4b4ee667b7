using System.Text.Json;
using Praefect.Ctl.Tests.Check;

namespace Praefect.Ctl.Tests.ShowConfig;

public sealed class ShowConfigCommandTests : GitlabRbCommandTests
{
    [Test]
    public void ShowConfig_ValidFile_PrintsEffectiveSettingsWithSecretsRedacted()
    {
        Fixture.Write(GitlabRbFixture.ValidBlock);

        var exit = Fixture.Run("show-config", "--config", Fixture.Path);

        Assert.That(exit, Is.EqualTo(0));
        foreach (var secret in new[] { "client-secret", "sql-secret", "node-secret-1", "node-secret-2" })
        {
            Assert.That(Fixture.Stdout, Does.Not.Contain(secret));
        }

        using var json = JsonDocument.Parse(Fixture.Stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("auth_token").GetString(), Is.EqualTo("[REDACTED]"));
        Assert.That(root.GetProperty("database").GetProperty("password").GetString(), Is.EqualTo("[REDACTED]"));
        Assert.That(root.GetProperty("listen_addr").GetString(), Is.EqualTo("localhost:2305"));
        var nodes = root.GetProperty("virtual_storages")[0].GetProperty("nodes");
        Assert.That(nodes.EnumerateArray().Select(n => (n.GetProperty("storage").GetString(), n.GetProperty("token").GetString(), n.GetProperty("primary").GetBoolean())), Is.EqualTo(new[]
        {
            ("praefect-git-1", "[REDACTED]", true),
            ("praefect-git-2", "[REDACTED]", false),
        }));
        Assert.That(Fixture.Stderr, Is.Empty);
    }

    [Test]
    public void ShowConfig_OldNodeForm_PrintsNormalisedVirtualStoragesAndWarnsOnStderr()
    {
        Fixture.Write("""
            praefect['enable'] = true
            praefect['auth_token'] = 'client-secret'
            praefect['storage_nodes'] = [{ 'storage' => 'g1', 'address' => 'tcp://127.0.0.1', 'token' => 'node-secret', 'primary' => true }]
            """);

        var exit = Fixture.Run("show-config", "--config", Fixture.Path);

        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(Fixture.Stdout);
        var storage = json.RootElement.GetProperty("virtual_storages")[0];
        Assert.That(storage.GetProperty("name").GetString(), Is.EqualTo("praefect"));
        Assert.That(storage.GetProperty("nodes")[0].GetProperty("address").GetString(), Is.EqualTo("tcp://127.0.0.1:8075"));
        Assert.That(Fixture.Stderr, Does.Contain("warning: praefect['storage_nodes'] as an array of nodes"));
        Assert.That(Fixture.Stderr + Fixture.Stdout, Does.Not.Contain("node-secret").And.Not.Contain("client-secret"));
    }

    [Test]
    public void ShowConfig_InvalidFile_ExitsOneAndPrintsNoSettings()
    {
        Fixture.Write("praefect['enable'] = true");

        var exit = Fixture.Run("show-config", "--config", Fixture.Path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(Fixture.Stdout, Is.Empty);
        Assert.That(Fixture.Stderr, Does.EndWith($"{Fixture.Path}: invalid (1 error, 0 warnings); run 'praefect-ctl check' after fixing it\n"));
    }

    [Test]
    public void ShowConfig_MissingFile_ExitsTwo()
    {
        var exit = Fixture.Run("show-config", "--config", Fixture.Path);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Fixture.Stdout, Is.Empty);
    }

    [Test]
    public void ShowConfig_Help_ShowsExamples()
    {
        var exit = Fixture.Run("show-config", "--help");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(Fixture.Stdout, Does.Contain("praefect-ctl show-config --config ./gitlab.rb"));
    }
}
