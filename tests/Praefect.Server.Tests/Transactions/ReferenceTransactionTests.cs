using Praefect.Protocol.Admin;
using Praefect.Server.Tests.Failover;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Transactions;

/// <summary>
/// Reference transactions through a real praefect in front of three gitaly-lite nodes
/// (<c>transactions.enabled</c>): a push is on every up-to-date node when it returns, and the loss of the
/// primary right after an acknowledged push loses nothing.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReferenceTransactionTests
{
    private static readonly TimeSpan Bound = Wait.Converge;
    private FailoverCluster? _cluster;

    [TearDown]
    public async Task TearDown()
    {
        if (_cluster is not null)
        {
            if (TestFailure.IsCurrentTestFailing())
            {
                _cluster.PrintLogs();
                foreach (var node in _cluster.Nodes)
                {
                    node.Process?.PrintLog();
                }
            }

            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    [Test]
    [CancelAfter(240_000)]
    public async Task Push_ThreeNodes_OnAllThreeWithTheirGenerationsWhenThePushReturns()
    {
        _cluster = await FailoverCluster.StartAsync(c => c.Transactions.Enabled = true);
        var work = await _cluster.CreateRepositoryAsync("tx/push.git");
        await _cluster.WaitUntilReplicatedAsync(Bound);

        var push = await _cluster.CommitAndPushAsync(work, "tx/push.git");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        var expected = await Git.ForEachRefAsync(work, "refs/heads/");
        foreach (var node in _cluster.Nodes)
        {
            Assert.That(await Git.ForEachRefAsync(node.RepositoryPath("tx/push.git"), "refs/heads/"), Is.EqualTo(expected), $"refs of {node.Storage} as the push returned");
        }

        var nodes = (await _cluster.Admin().ListNodesAsync(new ListNodesRequest(), FailoverCluster.Call())).VirtualStorages.Single().Nodes;
        Assert.That(nodes.Select(n => (n.Storage, n.OutdatedRepositories)), Is.EquivalentTo(_cluster.Nodes.Select(n => (n.Storage, 0L))),
            "every node holds the push's generation as it returns: no replication left to do");
        var metrics = await MetricsText.ReadAsync(_cluster.Praefect.Config.PrometheusListenAddr);
        Assert.That(metrics, Does.Contain("gitaly_praefect_transactions_total{action=\"registered\"} 1"));
        Assert.That(metrics, Does.Contain("gitaly_praefect_voters_per_transaction_total_sum 3"));
    }

    [Test]
    [CancelAfter(240_000)]
    public async Task ForcedFailover_PrimaryKilledRightAfterAnAcknowledgedPush_NoDatalossAndTheCommitOnTheNewPrimary()
    {
        _cluster = await FailoverCluster.StartAsync(c => c.Transactions.Enabled = true);
        var work = await _cluster.CreateRepositoryAsync("tx/failover.git");
        await _cluster.WaitUntilReplicatedAsync(Bound);

        var push = await _cluster.CommitAndPushAsync(work, "tx/failover.git");
        _cluster.Node("praefect-git-1").Kill();

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        await Wait.UntilAsync(async () =>
        {
            var reply = await _cluster.Admin().ListNodesAsync(new ListNodesRequest(), FailoverCluster.Call());
            return !reply.VirtualStorages.Single().Nodes.Single(n => n.Storage == "praefect-git-1").Healthy;
        }, Bound, "praefect to see the killed primary as unhealthy");
        var forced = await _cluster.CtlAsync("failover", "--virtual-storage", "praefect", "--to", "praefect-git-2", "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.ToString());
        Assert.That(forced.Stdout, Does.StartWith("virtual storage 'praefect': primary is now 'praefect-git-2' (was 'praefect-git-1')"));
        Assert.That(forced.Stdout, Does.Not.Contain("lost writes"), forced.ToString());

        var dataloss = await _cluster.Admin().DatalossAsync(new DatalossRequest { VirtualStorage = "praefect" }, FailoverCluster.Call());
        var listed = await _cluster.CtlAsync("dataloss", "--virtual-storage", "praefect");

        Assert.That(dataloss.Repositories.Where(r => r.RelativePath == "tx/failover.git" && r.WritesRejected), Is.Empty, "no lost writes recorded");
        Assert.That(listed.Stdout, Does.Not.Contain("lost writes"), listed.ToString());
        Assert.That(await Git.ForEachRefAsync(_cluster.Node("praefect-git-2").RepositoryPath("tx/failover.git"), "refs/heads/"),
            Is.EqualTo(await Git.ForEachRefAsync(work, "refs/heads/")), "the acknowledged commit on the new primary");
        var next = await _cluster.CommitAndPushAsync(work, "tx/failover.git");
        Assert.That(next.Succeeded, Is.True, "the new primary takes writes: " + next.Stderr);
    }
}
