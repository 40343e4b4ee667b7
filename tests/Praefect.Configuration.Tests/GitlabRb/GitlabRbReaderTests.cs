using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;
using Praefect.Configuration.Tests.Support;

namespace Praefect.Configuration.Tests.GitlabRb;

public sealed class GitlabRbReaderTests
{
    /// <summary>The Praefect block of the seed document, exactly.</summary>
    private static readonly string SeedBlock = File.ReadAllText(RepositoryPaths.Golden("valid", "seed.rb"));

    [Test]
    public void ReadText_SeedBlock_BindsNodesWithDefaultPort()
    {
        var result = GitlabRbReader.ReadText(SeedBlock, "gitlab.rb", new Dictionary<string, string>());

        Assert.That(result.Settings, Is.Not.Null);
        var storage = result.Settings!.VirtualStorages.Single();
        Assert.That(storage.Name, Is.EqualTo("praefect"));
        Assert.That(storage.Nodes.Select(n => (n.Storage, n.Address, n.Token, n.Primary)), Is.EqualTo(new[]
        {
            ("praefect-git-1", "tcp://praefect-git-1.internal:8075", "token1", true),
            ("praefect-git-2", "tcp://praefect-git-2.internal:8075", "token2", false),
            ("praefect-git-3", "tcp://praefect-git-3.internal:8075", "token3", false),
        }));
        Assert.That(result.Settings.AuthToken, Is.EqualTo("super_secret_abc"));
        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.Deprecated, DiagnosticCodes.DefaultPort, DiagnosticCodes.DefaultPort, DiagnosticCodes.DefaultPort }));
    }

    [Test]
    public void ReadFile_MissingFile_ReportsUnreadable()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "gitlab.rb");

        var result = GitlabRbReader.ReadFile(path);

        Assert.That(result.Settings, Is.Null);
        Assert.That(result.FileUnreadable, Is.True);
        Assert.That(result.Diagnostics.Single().Line, Is.EqualTo(1));
    }

    [Test]
    public void ReadFile_DocsExample_IsCleanLoopbackCluster()
    {
        var result = GitlabRbReader.ReadFile(Path.Combine(RepositoryPaths.Root, "docs", "examples", "gitlab.rb"), new Dictionary<string, string>());

        Assert.That(result.Diagnostics, Is.Empty);
        var settings = result.Settings!;
        Assert.That((settings.ListenAddr, settings.PrometheusListenAddr, settings.Enable), Is.EqualTo(("127.0.0.1:2305", "127.0.0.1:9652", true)));
        Assert.That(settings.AuthToken, Is.Not.Empty);
        var storage = settings.VirtualStorages.Single();
        Assert.That(storage.Name, Is.EqualTo("praefect"));
        Assert.That(storage.Nodes.Select(n => (n.Storage, n.Address, n.Primary)), Is.EqualTo(new[]
        {
            ("praefect-git-1", "tcp://127.0.0.1:18075", true),
            ("praefect-git-2", "tcp://127.0.0.1:18076", false),
            ("praefect-git-3", "tcp://127.0.0.1:18077", false),
        }));
        Assert.That(storage.Nodes.Select(n => n.Token).Distinct().Count(), Is.EqualTo(3));
        Assert.That(settings.GitDataDirs!.Keys, Is.EqualTo(new[] { "praefect" }));
    }

    [Test]
    public void Redactor_Settings_ListsEverySecretAndRedactsText()
    {
        var settings = GitlabRbReader.ReadText(SeedBlock + "\npraefect['database_password'] = 'sql-pw'", "gitlab.rb", new Dictionary<string, string>()).Settings!;

        Assert.That(SettingsRedactor.Secrets(settings), Is.EqualTo(new[] { "super_secret_abc", "sql-pw", "token1", "token2", "token3" }));
        Assert.That(SettingsRedactor.Redact("auth super_secret_abc node token1 db sql-pw", settings), Is.EqualTo("auth [REDACTED] node [REDACTED] db [REDACTED]"));
    }

    [Test]
    public void SettingsJson_Redacted_HidesSecretsButShowsEmptyOnes()
    {
        var settings = GitlabRbReader.ReadText(SeedBlock, "gitlab.rb", new Dictionary<string, string>()).Settings!;

        var json = SettingsJson.Write(settings);

        Assert.That(json, Does.Not.Contain("super_secret_abc").And.Not.Contain("token1").And.Not.Contain("token3"));
        Assert.That(json, Does.Contain("\"auth_token\": \"[REDACTED]\"").And.Contain("\"password\": \"\""));
    }
}
