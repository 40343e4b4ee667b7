using Praefect.Server.Tests.Failover;
using Praefect.Server.Tests.Replication;

namespace Praefect.Server.Tests.Registry;

/// <summary><c>praefect-ctl list-methods</c> on a cluster of three gitaly-lite nodes, and praefect learning the same.</summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class ListMethodsTests
{
    [Test]
    public async Task ListMethods_ThreeGitalyLiteNodes_CountsAndTheMethodsBeyondTheCompiledRegistry()
    {
        await using var cluster = await PraefectCluster.StartNodesAsync(postgres: false);
        var praefect = await cluster.StartPraefectAsync(cluster.NewConfig());

        var result = await PraefectCtl.RunAsync("list-methods", "--config", praefect.ConfigPath);
        TestContext.Out.WriteLine(result.Stdout);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var lines = result.Stdout.Split('\n');
        foreach (var node in cluster.Nodes)
        {
            Assert.That(lines, Has.One.StartsWith($"praefect/{node.Storage} {node.Address}: declares 155 methods in 18 services; 153 routable, 4 of them beyond the compiled registry"));
        }

        Assert.That(lines.Count(l => l == "  + /gitaly.RepositoryService/RemoveRepository (mutator, repository scope, target field 1)"), Is.EqualTo(3));
        Assert.That(lines.Count(l => l == "  + /gitaly.RepositoryService/ReplicateRepository (mutator, repository scope, target field 1, additional 2)"), Is.EqualTo(3));
        Assert.That(lines.Count(l => l == "  + /gitaly.InternalGitaly/WalkRepos (accessor, server scope, storage field 1)"), Is.EqualTo(3));
        Assert.That(lines, Does.Contain("3 of 3 nodes answered"));
        await Testing.WaitForLearnedAsync(praefect, cluster.Nodes.Count);
    }
}
