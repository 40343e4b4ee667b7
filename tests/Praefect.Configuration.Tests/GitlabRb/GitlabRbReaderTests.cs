using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;

namespace Praefect.Configuration.Tests.GitlabRb;

public sealed class GitlabRbReaderTests
{
    private const string SeedBlock = """
        praefect['virtual_storage_name'] = 'praefect'
        praefect['auth_token'] = 'super_secret_abc'
        praefect['enable'] = true
        praefect['storage_nodes'] = [
          {
            'storage' => 'praefect-git-1',
            'address' => 'tcp://praefect-git-1.internal',
            'token'   => 'token1',
            'primary' => true
          },
          {
            'storage' => 'praefect-git-2',
            'address' => 'tcp://praefect-git-2.internal',
            'token'   => 'token2'
          }
        ]
        """;

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
        }));
        Assert.That(result.Settings.AuthToken, Is.EqualTo("super_secret_abc"));
        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.Deprecated, DiagnosticCodes.DefaultPort, DiagnosticCodes.DefaultPort }));
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
}
