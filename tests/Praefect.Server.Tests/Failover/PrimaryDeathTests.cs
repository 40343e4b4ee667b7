using Praefect.Protocol.Admin;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

/// <summary>
/// The primary dies with writes not yet replicated: a plain failover is refused with the exact list,
/// --force succeeds and marks them, those repositories reject writes until accept-dataloss, others take writes.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PrimaryDeathTests
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
            }

            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    [Test]
    public async Task Failover_PrimaryKilledWithBacklog_RefusedThenForcedThenAcceptDataloss()
    {
        _cluster = await FailoverCluster.StartAsync();
        var kept = await _cluster.CreateRepositoryAsync("death/kept.git");
        var lost = await _cluster.CreateRepositoryAsync("death/lost.git");
        Assert.That((await _cluster.PushAsync(kept, "death/kept.git")).Succeeded, Is.True);
        Assert.That((await _cluster.PushAsync(lost, "death/lost.git")).Succeeded, Is.True);
        await _cluster.WaitUntilReplicatedAsync(Bound);

        // A write the secondaries never get: they are down while it happens, then the primary dies.
        await Task.WhenAll(_cluster.Node("praefect-git-2").StopAsync(), _cluster.Node("praefect-git-3").StopAsync());
        var backlog = await _cluster.CommitAndPushAsync(lost, "death/lost.git");
        Assert.That(backlog.Succeeded, Is.True, backlog.Stderr);
        _cluster.Node("praefect-git-1").Kill();
        await Task.WhenAll(_cluster.Node("praefect-git-2").StartAsync(), _cluster.Node("praefect-git-3").StartAsync());
        await WaitForHealthAsync(("praefect-git-1", false), ("praefect-git-2", true), ("praefect-git-3", true));

        var refused = await _cluster.CtlAsync("failover", "--virtual-storage", "praefect", "--to", "praefect-git-2");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.Stderr, Is.EqualTo(
            "praefect-ctl failover: refused: \"praefect-git-2\" is behind on 1 repositories and cannot catch up because the primary \"praefect-git-1\" is unhealthy; " +
            "writes would be lost. Run again with --force to fail over anyway (those repositories then reject writes until 'praefect-ctl accept-dataloss'), or wait for replication\n" +
            "1 repositories would lose writes:\n" +
            "  death/lost.git: generation 3 on 'praefect-git-1'; 'praefect-git-2' holds 2 (1 write)\n"));
        Assert.That(await _cluster.PrimaryAsync(), Is.EqualTo("praefect-git-1"));

        var forced = await _cluster.CtlAsync("failover", "--virtual-storage", "praefect", "--to", "praefect-git-2", "--force");

        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.ToString());
        Assert.That(forced.Stdout, Is.EqualTo(
            "virtual storage 'praefect': primary is now 'praefect-git-2' (was 'praefect-git-1'); forced\n" +
            "1 repositories lost writes and reject writes until 'praefect-ctl accept-dataloss':\n" +
            "  death/lost.git: generation 3 on 'praefect-git-1'; 'praefect-git-2' holds 2 (1 write)\n"));

        var dataloss = await _cluster.Admin().DatalossAsync(new DatalossRequest { VirtualStorage = "praefect" }, FailoverCluster.Call());
        Assert.That(dataloss.Repositories.Select(r => (r.RelativePath, r.Primary, r.LatestGeneration, r.WritesRejected)),
            Is.EqualTo(new[] { ("death/lost.git", "praefect-git-2", 3L, true) }));

        var listed = await _cluster.CtlAsync("dataloss", "--virtual-storage", "praefect");
        Assert.That(listed.Stdout, Is.EqualTo(
            "Virtual storage: praefect\n" +
            "  Repositories:\n" +
            "    death/lost.git (unavailable):\n" +
            "      Primary: praefect-git-2\n" +
            "      In-Sync Storages:\n" +
            "        praefect-git-1, assigned host, unhealthy\n" +
            "      Outdated Storages:\n" +
            "        praefect-git-2 is behind by 1 change or less, assigned host\n" +
            "        praefect-git-3 is behind by 1 change or less, assigned host\n" +
            "  death/lost.git: lost writes in a forced failover (generation 3, primary 'praefect-git-2' holds 2); writes rejected until 'praefect-ctl accept-dataloss'\n"),
            listed.ToString());

        var rejected = await _cluster.CommitAndPushAsync(lost, "death/lost.git");
        Assert.That(rejected.Succeeded, Is.False);
        Assert.That(rejected.Stderr, Does.Contain("FailedPrecondition"));
        Assert.That(rejected.Stderr, Does.Contain(
            "repository \"death/lost.git\" on virtual storage \"praefect\" lost writes in a forced failover and rejects writes until an admin accepts the loss"));
        Assert.That(rejected.Stderr, Does.Contain(
            "'praefect-ctl accept-dataloss --virtual-storage praefect --repository death/lost.git --authoritative-storage <storage>'"));
        var other = await _cluster.CommitAndPushAsync(kept, "death/kept.git");
        Assert.That(other.Succeeded, Is.True, other.Stderr);

        var accepted = await _cluster.CtlAsync("accept-dataloss", "--virtual-storage", "praefect", "--repository", "death/lost.git", "--authoritative-storage", "praefect-git-2");

        Assert.That(accepted.ExitCode, Is.EqualTo(0), accepted.ToString());
        Assert.That(accepted.Stdout, Is.EqualTo(
            "virtual storage 'praefect': 'praefect-git-2' holds the authoritative copy of 'death/lost.git' (generation 4); replication scheduled to 'praefect-git-1', 'praefect-git-3'\n"));
        var resumed = await _cluster.PushAsync(lost, "death/lost.git");
        Assert.That(resumed.Succeeded, Is.True, resumed.Stderr);
        await _cluster.WaitForRefsAsync("praefect-git-3", "death/lost.git", lost, Bound);
    }

    private async Task WaitForHealthAsync(params (string Storage, bool Healthy)[] expected) =>
        await Wait.UntilAsync(async () =>
        {
            var reply = await _cluster!.Admin().ListNodesAsync(new ListNodesRequest(), FailoverCluster.Call());
            var nodes = reply.VirtualStorages.Single().Nodes;
            return expected.All(e => nodes.Single(n => n.Storage == e.Storage).Healthy == e.Healthy);
        }, Bound, "node health " + string.Join(", ", expected.Select(e => $"{e.Storage}={(e.Healthy ? "healthy" : "unhealthy")}")));
}
