using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>
/// End to end through real praefect processes: a praefect killed with SIGKILL in the middle of a push
/// storm loses no replication; two praefects share one PostgreSQL queue and survive losing one.
/// </summary>
[TestFixture]
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Converge = Wait.Converge;
    private static readonly string[] Repositories = ["storm/a.git", "storm/b.git", "storm/c.git"];
    private PraefectCluster? _cluster;

    [TearDown]
    public async Task StopCluster()
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

    private static async Task AssertNoJobLeftAsync(RuntimeConfig config)
    {
        await using var store = DatastoreFactory.Create(config);
        await Wait.UntilAsync(async () =>
        {
            var status = await store.GetQueueStatusAsync(CancellationToken.None);
            return status.All(s => s.State == JobState.Completed);
        }, Converge, "every replication job to be completed (none pending, ready, failed or dead)");
        var dead = await store.GetJobsAsync(JobState.Dead, 10, CancellationToken.None);
        Assert.That(dead, Is.Empty);
    }

    [TestCase(false, TestName = "KillPraefect_MidPushStorm_SqliteEveryReplicaConvergesNoJobLost")]
    [TestCase(true, TestName = "KillPraefect_MidPushStorm_PostgresEveryReplicaConvergesNoJobLost")]
    public async Task KillPraefect_MidPushStorm_EveryReplicaConvergesNoJobLost(bool postgres)
    {
        _cluster = await PraefectCluster.StartNodesAsync(postgres);
        var config = _cluster.NewConfig();
        var first = await _cluster.StartPraefectAsync(config);
        var works = new Dictionary<string, string>();
        foreach (var path in Repositories)
        {
            works[path] = await _cluster.CreateRepositoryAsync(first, path);
        }

        // The storm: pushes to every repository in turn, concurrently; the kill lands while they run.
        var storm = Repositories.Select(async path =>
        {
            for (var i = 0; i < 3; i++)
            {
                await _cluster.CommitAndPushAsync(first, path, works[path]);
            }
        }).ToList();
        await Wait.UntilAsync(() => first.LinesContaining("SSHReceivePack").Count >= 2, Converge, "pushes to reach praefect");
        first.Process.Kill();
        await Task.WhenAll(storm);

        var restarted = System.Diagnostics.Stopwatch.StartNew();
        var second = await _cluster.StartPraefectAsync(config);
        foreach (var path in Repositories)
        {
            var push = await _cluster.CommitAndPushAsync(second, path, works[path]);
            Assert.That(push.Succeeded, Is.True, push.Stderr);
        }

        await _cluster.WaitForConvergenceAsync(Repositories, Converge);
        await TestContext.Out.WriteLineAsync($"convergence after kill -9: every replica converged {restarted.ElapsedMilliseconds} ms after the restart began (start, one push per repository, replication)");
        await AssertNoJobLeftAsync(config);
    }

    [Test]
    public async Task TwoPraefectsOnePostgres_OneKilledMidRun_AllJobsDoneAndReplicasConverge()
    {
        _cluster = await PraefectCluster.StartNodesAsync(postgres: true);
        var a = await _cluster.StartPraefectAsync(_cluster.NewConfig());
        var b = await _cluster.StartPraefectAsync(_cluster.NewConfig());
        var works = new Dictionary<string, string>();
        foreach (var (path, i) in Repositories.Select((p, i) => (p, i)))
        {
            works[path] = await _cluster.CreateRepositoryAsync(i % 2 == 0 ? a : b, path);
        }

        var storm = Repositories.Select(async (path, i) =>
        {
            for (var round = 0; round < 3; round++)
            {
                await _cluster.CommitAndPushAsync((i + round) % 2 == 0 ? a : b, path, works[path]);
            }
        }).ToList();
        await Wait.UntilAsync(() => a.LinesContaining("SSHReceivePack").Count >= 2, Converge, "pushes to reach the first praefect");
        a.Process.Kill();
        await Task.WhenAll(storm);
        foreach (var path in Repositories)
        {
            var push = await _cluster.CommitAndPushAsync(b, path, works[path]);
            Assert.That(push.Succeeded, Is.True, push.Stderr);
        }

        await _cluster.WaitForConvergenceAsync(Repositories, Converge);
        await AssertNoJobLeftAsync(b.Config);
    }
}
