using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

/// <summary>Graceful failover under load and restarts, with three gitaly-lite nodes and real git pushes.</summary>
[TestFixture]
[NonParallelizable]
public sealed class GracefulSwitchoverTests
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
    public async Task Failover_PushesRunning_NoPushFailsAndEveryCommitIsOnNewPrimary()
    {
        _cluster = await FailoverCluster.StartAsync();
        string[] repositories = ["load/a.git", "load/b.git"];
        var trees = await Task.WhenAll(repositories.Select(_cluster.CreateRepositoryAsync));
        using var stop = new CancellationTokenSource();
        var pushers = repositories.Select((path, i) => new Pusher(_cluster, trees[i], path)).ToArray();
        var running = pushers.Select(p => p.RunAsync(stop.Token)).ToArray();
        await Wait.UntilAsync(() => pushers.All(p => p.Succeeded >= 2), Bound, "two pushes per repository before the failover");

        var failover = await _cluster.CtlAsync("failover", "--virtual-storage", FailoverCluster.VirtualStorage, "--to", "praefect-git-2", "--timeout", "30s");
        var pushedBeforeSwitchEnded = pushers.Select(p => p.Succeeded).ToArray();
        await Wait.UntilAsync(() => pushers.Select((p, i) => p.Succeeded >= pushedBeforeSwitchEnded[i] + 2).All(ok => ok), Bound, "two pushes per repository after the failover");
        await stop.CancelAsync();
        await Task.WhenAll(running);

        Assert.That(failover.ExitCode, Is.EqualTo(0), failover.ToString());
        Assert.That(failover.Stdout, Does.StartWith("virtual storage 'praefect': primary is now 'praefect-git-2' (was 'praefect-git-1'); switched in "));
        Assert.That(failover.Stdout, Does.EndWith(" ms, no write lost\n"));
        Assert.That(pushers.SelectMany(p => p.Failures), Is.Empty);
        Assert.That(await _cluster.PrimaryAsync(), Is.EqualTo("praefect-git-2"));
        for (var i = 0; i < repositories.Length; i++)
        {
            // Every acknowledged push is on the new primary right away: nothing was lost in the switch.
            var expected = await Git.ForEachRefAsync(trees[i], "refs/heads/");
            Assert.That(await Git.ForEachRefAsync(_cluster.Node("praefect-git-2").RepositoryPath(repositories[i]), "refs/heads/"), Is.EqualTo(expected), repositories[i]);
            await _cluster.WaitForRefsAsync("praefect-git-1", repositories[i], trees[i], Bound);
        }

        TestContext.Out.WriteLine($"graceful switchover under load: {pushers.Sum(p => p.Succeeded)} pushes acknowledged, " +
            $"{pushers.Sum(p => p.Failures.Count)} failed, 0 lost; longest push {pushers.Max(p => p.Longest).TotalMilliseconds:0} ms; {failover.Stdout.Trim()}");
    }

    [Test]
    public async Task Restart_AfterFailover_RecordedPrimaryStays()
    {
        _cluster = await FailoverCluster.StartAsync();
        var tree = await _cluster.CreateRepositoryAsync("restart/a.git");
        Assert.That((await _cluster.CommitAndPushAsync(tree, "restart/a.git")).Succeeded, Is.True);
        var failover = await _cluster.CtlAsync("failover", "--virtual-storage", FailoverCluster.VirtualStorage, "--to", "praefect-git-3");
        Assert.That(failover.ExitCode, Is.EqualTo(0), failover.ToString());

        await _cluster.RestartPraefectAsync();

        Assert.That(await _cluster.PrimaryAsync(), Is.EqualTo("praefect-git-3"));
        var push = await _cluster.CommitAndPushAsync(tree, "restart/a.git");
        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(await Git.ForEachRefAsync(_cluster.Node("praefect-git-3").RepositoryPath("restart/a.git"), "refs/heads/"),
            Is.EqualTo(await Git.ForEachRefAsync(tree, "refs/heads/")));
        var nodes = await _cluster.CtlAsync("nodes");
        Assert.That(nodes.Stdout, Does.StartWith("virtual storage 'praefect': primary 'praefect-git-3'\n"), nodes.ToString());
    }

    /// <summary>One client committing and pushing to one repository in a loop, counting what failed.</summary>
    private sealed class Pusher(FailoverCluster cluster, string tree, string relativePath)
    {
        private int _succeeded;

        public int Succeeded => Volatile.Read(ref _succeeded);

        public List<string> Failures { get; } = [];

        public TimeSpan Longest { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var push = await cluster.CommitAndPushAsync(tree, relativePath);
                Longest = started.Elapsed > Longest ? started.Elapsed : Longest;
                if (push.Succeeded)
                {
                    Interlocked.Increment(ref _succeeded);
                }
                else
                {
                    Failures.Add($"{relativePath}: {push.Stderr}");
                }
            }
        }
    }
}
