using System.Diagnostics;
using Praefect.Protocol.Admin;
using Praefect.Server.Tests.Failover;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Transactions;

/// <summary>
/// Reference transactions through a real praefect in front of three gitaly-lite nodes
/// (<c>transactions.enabled</c>): a push is on every up-to-date node when it returns, and the loss of the
/// primary right after an acknowledged push loses nothing; with the nodes voting through their
/// reference-transaction hook, a secondary changed behind praefect's back does not commit and is
/// replicated, and praefect killed while the votes wait leaves no node with the update and the client with an error.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReferenceTransactionTests
{
    // The node's call log line (finished or failed) of a receive-pack, one per call.
    private const string ReceivePackCall = "call '/gitaly.SSHService/SSHReceivePack' storage";
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

            foreach (var node in _cluster.Nodes)
            {
                Signal(node, "CONT");
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
    public async Task HttpPush_ThreeNodes_OnAllThreeWhenThePushReturns_TheAdvertisementRecordsNoCopy()
    {
        // A push over smart HTTP is InfoRefsReceivePack (a mutator by classification, routed to the primary)
        // then PostReceivePack: the advertisement must not leave the secondaries outdated for the push itself.
        _cluster = await FailoverCluster.StartAsync(c => c.Transactions.Enabled = true);
        var work = await _cluster.CreateRepositoryAsync("tx/http.git");
        await _cluster.WaitUntilReplicatedAsync(Bound);
        await using var gateway = await SmartHttpGateway.StartAsync(_cluster.Praefect.Address, FailoverCluster.VirtualStorage, FailoverCluster.AuthToken);

        await Git.AddCommitsAsync(work, 1);
        var push = await Git.TryRunAsync(work, null, "push", "--quiet", gateway.UrlFor("tx/http.git"), "refs/heads/*:refs/heads/*");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        var expected = await Git.ForEachRefAsync(work, "refs/heads/");
        foreach (var node in _cluster.Nodes)
        {
            Assert.That(await Git.ForEachRefAsync(node.RepositoryPath("tx/http.git"), "refs/heads/"), Is.EqualTo(expected), $"refs of {node.Storage} as the push returned");
        }

        var nodes = (await _cluster.Admin().ListNodesAsync(new ListNodesRequest(), FailoverCluster.Call())).VirtualStorages.Single().Nodes;
        Assert.That(nodes.Select(n => (n.Storage, n.OutdatedRepositories)), Is.EquivalentTo(_cluster.Nodes.Select(n => (n.Storage, 0L))),
            "every node holds the push's generation as it returns");
        await Wait.UntilAsync(() => _cluster.Praefect.LinesContaining("praefect/tx/http.git: committed on ").Count > 0, Bound, "praefect's line for the push's transaction");
        var finished = _cluster.Praefect.LinesContaining("praefect/tx/http.git: committed on ").Single();
        Assert.That(_cluster.Nodes.Select(n => n.Storage), Is.All.Matches<string>(storage => finished.Contains(storage, StringComparison.Ordinal)),
            "all three nodes voted and committed the push: " + finished);
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

    [Test]
    [CancelAfter(240_000)]
    public async Task Push_SecondaryChangedBehindPraefectsBack_ItDoesNotCommitAndIsReplicated()
    {
        _cluster = await FailoverCluster.StartAsync(c => c.Transactions.Enabled = true);
        var work = await _cluster.CreateRepositoryAsync("tx/diverged.git");
        Assert.That((await _cluster.PushAsync(work, "tx/diverged.git")).Succeeded, Is.True);
        await _cluster.WaitUntilReplicatedAsync(Bound);
        var diverged = _cluster.Node("praefect-git-3").RepositoryPath("tx/diverged.git");
        var head = (await Git.RunAsync(diverged, "rev-parse", "refs/heads/main")).Trim();
        var other = (await Git.RunAsync(diverged, "commit-tree", head + "^{tree}", "-p", head, "-m", "behind praefect's back")).Trim();
        await Git.RunAsync(diverged, "update-ref", "refs/heads/main", other);

        var push = await _cluster.CommitAndPushAsync(work, "tx/diverged.git");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        var expected = await Git.ForEachRefAsync(work, "refs/heads/");
        Assert.That(await Git.ForEachRefAsync(_cluster.Node("praefect-git-1").RepositoryPath("tx/diverged.git"), "refs/heads/"), Is.EqualTo(expected), "primary as the push returned");
        Assert.That(await Git.ForEachRefAsync(_cluster.Node("praefect-git-2").RepositoryPath("tx/diverged.git"), "refs/heads/"), Is.EqualTo(expected), "the agreeing secondary as the push returned");
        await Wait.UntilAsync(() => _cluster.Praefect.LinesContaining("secondary praefect-git-3 did not commit").Count > 0, Bound,
            "praefect to log that praefect-git-3 did not commit and gets a replication job");
        var metrics = await MetricsText.ReadAsync(_cluster.Praefect.Config.PrometheusListenAddr);
        Assert.That(metrics, Does.Contain("gitaly_praefect_transactions_total{action=\"committed\"}"), "the nodes voted");
        await _cluster.WaitForRefsAsync("praefect-git-3", "tx/diverged.git", work, Bound);
    }

    [Test]
    [CancelAfter(240_000)]
    public async Task Push_PraefectKilledWhileVotesWait_NoNodeHasTheUpdateAndTheClientGotAnError()
    {
        _cluster = await FailoverCluster.StartAsync(c =>
        {
            c.Transactions.Enabled = true;
            c.Transactions.Quorum = "all";
            c.Transactions.VoteTimeoutSeconds = 600;
            // The stopped node must stay a voter: praefect does not see it as unhealthy during the test.
            c.Failover.UnhealthyThreshold = 100_000;
        });
        var work = await _cluster.CreateRepositoryAsync("tx/killed.git");
        Assert.That((await _cluster.PushAsync(work, "tx/killed.git")).Succeeded, Is.True);
        await _cluster.WaitUntilReplicatedAsync(Bound);
        var before = await Git.ForEachRefAsync(work, "refs/heads/");
        var third = _cluster.Node("praefect-git-3");
        Signal(third, "STOP");

        var votes = await VotesAsync();
        var calls = _cluster.Nodes.ToDictionary(n => n.Storage, ReceivePackCalls);

        var push = _cluster.CommitAndPushAsync(work, "tx/killed.git");
        await Wait.UntilAsync(async () => await VotesAsync() >= votes + 2,
            Bound, "the primary and the second node to have voted while the stopped third keeps the quorum open");
        _cluster.Praefect.Process.Kill();
        var result = await push;
        Signal(third, "CONT");

        Assert.That(result.Succeeded, Is.False, "the client must not see a success: " + result.Stderr);
        foreach (var node in _cluster.Nodes)
        {
            await Wait.UntilAsync(() => ReceivePackCalls(node) > calls[node.Storage],
                Bound, $"{node.Storage} to end its call of the killed push");
            Assert.That(await Git.ForEachRefAsync(node.RepositoryPath("tx/killed.git"), "refs/heads/"), Is.EqualTo(before), $"{node.Storage} kept no part of the update");
        }
    }

    private static int ReceivePackCalls(GitalyLiteNode node) => node.Process!.Lines.Count(l => l.Contains(ReceivePackCall, StringComparison.Ordinal));

    private async Task<int> VotesAsync()
    {
        var metrics = await MetricsText.ReadAsync(_cluster!.Praefect.Config.PrometheusListenAddr);
        var match = System.Text.RegularExpressions.Regex.Match(metrics, "gitaly_praefect_transactions_total\\{action=\"started\"\\} (\\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static void Signal(GitalyLiteNode node, string signal)
    {
        if (node.Process is not { HasExited: false } process)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
