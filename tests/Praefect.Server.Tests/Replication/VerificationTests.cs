using Praefect.Datastore;
using Praefect.Server.Replication.Actions;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>Replication copies and verifies the state outside refs (info/attributes), on real gitaly-lite nodes.</summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class VerificationTests
{
    private ReplicationTestCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster() => _cluster = await ReplicationTestCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopCluster() => await _cluster.DisposeAsync();

    [Test]
    public async Task Job_PrimaryHasInfoAttributes_CopiedAndTheDifferenceIsCaughtByVerification()
    {
        await _cluster.CreateOnPrimaryAsync("attributes.git", commits: 1);
        var attributes = Path.Combine(_cluster.Primary.RepositoryPath("attributes.git"), "info", "attributes");
        Directory.CreateDirectory(Path.GetDirectoryName(attributes)!);
        await File.WriteAllTextAsync(attributes, "*.png binary\n");
        var ids = await _cluster.Store.RecordPendingAsync([new JobRequest(ReplicationTestCluster.VirtualStorage, "attributes.git", "gitaly-1", "gitaly-2", "/gitaly.RepositoryService/ApplyGitattributes")], "test", CancellationToken.None);
        await _cluster.Store.MarkReadyAsync(ids, CancellationToken.None);
        var job = await _cluster.Store.DequeueAsync(ReplicationTestCluster.VirtualStorage, "gitaly-2", "worker", TimeSpan.FromMinutes(1), CancellationToken.None);

        var outcome = await _cluster.Executor.ExecuteAsync(job!, CancellationToken.None);
        var copied = await File.ReadAllTextAsync(Path.Combine(_cluster.Nodes[1].RepositoryPath("attributes.git"), "info", "attributes"));
        await File.WriteAllTextAsync(Path.Combine(_cluster.Nodes[1].RepositoryPath("attributes.git"), "info", "attributes"), "*.png text\n");
        var calls = new NodeCalls(_cluster.Options, TimeProvider.System);
        var difference = await Verification.DifferenceAsync(calls, "attributes.git",
            _cluster.ReplicationNodes.Find(ReplicationTestCluster.VirtualStorage, "gitaly-1")!, _cluster.ReplicationNodes.Find(ReplicationTestCluster.VirtualStorage, "gitaly-2")!, CancellationToken.None);

        Assert.That(outcome, Is.InstanceOf<Server.Replication.ReplicationOutcome.Completed>());
        Assert.That(copied, Is.EqualTo("*.png binary\n"));
        Assert.That(difference, Is.EqualTo("info/attributes mismatch: \"gitaly-1\" has 13 bytes, \"gitaly-2\" has 11 bytes"));
    }
}
