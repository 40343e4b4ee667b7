using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Server.Replication;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>One job executed against two real gitaly-lite nodes.</summary>
[TestFixture]
public sealed class ReplicationJobExecutorTests
{
    private ReplicationTestCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster() => _cluster = await ReplicationTestCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopCluster() => await _cluster.DisposeAsync();

    private async Task<ReplicationJob> LeaseJobAsync(string relativePath, string source = "gitaly-1", string target = "gitaly-2", ReplicationTestCluster? cluster = null)
    {
        var store = (cluster ?? _cluster).Store;
        var ids = await store.RecordPendingAsync([new JobRequest(ReplicationTestCluster.VirtualStorage, relativePath, source, target, "/gitaly.SSHService/SSHReceivePack")], "test", CancellationToken.None);
        await store.MarkReadyAsync(ids, CancellationToken.None);
        return await store.DequeueAsync(ReplicationTestCluster.VirtualStorage, target, "worker", TimeSpan.FromMinutes(1), CancellationToken.None)
            ?? throw new AssertionException("the job was not dequeued");
    }

    [Test]
    public async Task ExecuteAsync_RepositoryOnPrimaryOnly_TargetGetsEqualChecksumAndGeneration()
    {
        await _cluster.CreateOnPrimaryAsync("copy.git", commits: 3);
        await _cluster.Store.IncrementGenerationAsync(ReplicationTestCluster.VirtualStorage, "copy.git", "gitaly-1", CancellationToken.None);
        var job = await LeaseJobAsync("copy.git");

        var outcome = await _cluster.Executor.ExecuteAsync(job, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new ReplicationOutcome.Completed(1)));
        var secondary = _cluster.Nodes[1];
        Assert.That(await _cluster.ChecksumAsync(secondary, "copy.git"), Is.EqualTo(await _cluster.ChecksumAsync(_cluster.Primary, "copy.git")));
        Assert.That(await Git.ForEachRefAsync(secondary.RepositoryPath("copy.git")), Is.EqualTo(await Git.ForEachRefAsync(_cluster.Primary.RepositoryPath("copy.git"))));
    }

    [Test]
    public async Task ExecuteAsync_SecondRunNothingNew_CompletesAgain()
    {
        await _cluster.CreateOnPrimaryAsync("twice.git", commits: 1);
        var firstJob = await LeaseJobAsync("twice.git");
        var first = await _cluster.Executor.ExecuteAsync(firstJob, CancellationToken.None);
        await _cluster.Store.CompleteAsync(firstJob, "worker", null, CancellationToken.None);

        var second = await _cluster.Executor.ExecuteAsync(await LeaseJobAsync("twice.git"), CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((new ReplicationOutcome.Completed(null), new ReplicationOutcome.Completed(null))));
    }

    [Test]
    public async Task ExecuteAsync_SourceRepositoryMissing_FailsNamingTheFetch()
    {
        var job = await LeaseJobAsync("never-created.git");

        var outcome = await _cluster.Executor.ExecuteAsync(job, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new ReplicationOutcome.Failed("ReplicateRepository on \"gitaly-2\": Internal: ReplicateRepository: fetching from \"gitaly-1\" failed")));
    }

    [Test]
    public async Task ExecuteAsync_StorageNotConfigured_FailsNamingIt()
    {
        var job = await LeaseJobAsync("any.git", target: "gitaly-9");

        var outcome = await _cluster.Executor.ExecuteAsync(job, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new ReplicationOutcome.Failed("storage \"gitaly-9\" is not configured in virtual storage \"praefect\"")));
    }

    [Test]
    public async Task ExecuteAsync_TargetUnreachable_UnavailableNamingTheNode()
    {
        using var down = TestPorts.ReserveUnanswered();
        var port = down.Port;
        await using var cluster = await ReplicationTestCluster.StartAsync(nodeCount: 1, overrideNodes:
        [
            new NodeConfig { Storage = "gitaly-1", Address = _cluster.Primary.Address, Token = _cluster.Primary.Token, Primary = true },
            new NodeConfig { Storage = "gitaly-2", Address = $"tcp://127.0.0.1:{port}", Token = "token-2" },
        ]);
        var job = await LeaseJobAsync("unreachable.git", cluster: cluster);

        var outcome = await cluster.Executor.ExecuteAsync(job, CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<ReplicationOutcome.Unavailable>());
        Assert.That(((ReplicationOutcome.Unavailable)outcome).Reason, Does.StartWith($"ReplicateRepository on \"gitaly-2\" at tcp://127.0.0.1:{port}: "));
    }
}
