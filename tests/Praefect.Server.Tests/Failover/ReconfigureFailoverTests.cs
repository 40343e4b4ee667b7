using Praefect.Configuration.Runtime;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

/// <summary>The Omnibus way: change which node has 'primary' => true in gitlab.rb and run praefect-ctl reconfigure.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ReconfigureFailoverTests
{
    private static readonly TimeSpan Bound = Wait.Converge;
    private FailoverCluster? _cluster;
    private TempDirectory? _omnibus;

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

        _omnibus?.Dispose();
        _omnibus = null;
    }

    [Test]
    public async Task Reconfigure_PrimaryChangedInGitlabRb_FailsOverThroughRunningPraefectRefusesLossUnlessForced()
    {
        _cluster = await FailoverCluster.StartAsync(praefects: 0);
        _omnibus = new TempDirectory("praefect-omnibus");
        var gitlabRb = _omnibus.Combine("gitlab.rb");
        var root = _omnibus.Combine("root");
        var dataDir = _omnibus.Combine("data");
        var (listen, metrics) = (TestPorts.Candidate(), TestPorts.Candidate());
        string Rb(string primary, bool force = false) =>
            $"praefect['enable'] = true\n" +
            $"praefect['listen_addr'] = '127.0.0.1:{listen}'\n" +
            $"praefect['prometheus_listen_addr'] = '127.0.0.1:{metrics}'\n" +
            $"praefect['auth_token'] = '{FailoverCluster.AuthToken}'\n" +
            $"praefect['dir'] = '{dataDir}'\n" +
            (force ? "praefect['failover_force'] = true\n" : "") +
            "praefect['virtual_storages'] = {\n  'praefect' => {\n" +
            string.Concat(_cluster.Nodes.Select(n =>
                $"    '{n.Storage}' => {{ 'address' => '{n.Address}', 'token' => '{n.Token}'{(n.Storage == primary ? ", 'primary' => true" : "")} }},\n")) +
            "  }\n}\n" +
            $"git_data_dirs({{ 'praefect' => {{ 'gitaly_address' => 'tcp://127.0.0.1:{listen}' }} }})\n";
        async Task<CtlResult> ReconfigureAsync(string primary, bool force = false)
        {
            await File.WriteAllTextAsync(gitlabRb, Rb(primary, force));
            return await PraefectCtl.RunAsync("reconfigure", "--config", gitlabRb, "--root", root);
        }

        var first = await ReconfigureAsync("praefect-git-1");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        var renderedPath = Path.Combine(root, dataDir.TrimStart('/'), "config.yml");
        var rendered = RuntimeConfigLoader.LoadFile(renderedPath, out var error) ?? throw new AssertionException(error);
        rendered.Failover.HealthCheckIntervalMs = 200;
        var praefect = await _cluster.StartPraefectAsync(rendered);
        var tree = await _cluster.CreateRepositoryAsync("omnibus/a.git");
        Assert.That((await _cluster.PushAsync(tree, "omnibus/a.git")).Succeeded, Is.True);
        await _cluster.WaitUntilReplicatedAsync(Bound);

        var graceful = await ReconfigureAsync("praefect-git-2");

        Assert.That(graceful.ExitCode, Is.EqualTo(0), graceful.ToString());
        Assert.That(graceful.Stdout, Does.Contain("failover: virtual storage 'praefect': gitlab.rb makes 'praefect-git-2' the primary; the running praefect routes to 'praefect-git-1'\n"));
        Assert.That(graceful.Stdout, Does.Contain("virtual storage 'praefect': primary is now 'praefect-git-2' (was 'praefect-git-1'); switched in "));
        Assert.That(await _cluster.PrimaryAsync(), Is.EqualTo("praefect-git-2"));

        // Now a lossy change: praefect-git-3 misses a write and the primary dies.
        await _cluster.Node("praefect-git-3").StopAsync();
        Assert.That((await _cluster.CommitAndPushAsync(tree, "omnibus/a.git")).Succeeded, Is.True);
        _cluster.Node("praefect-git-2").Kill();
        await _cluster.Node("praefect-git-3").StartAsync();
        var before = await File.ReadAllTextAsync(renderedPath);

        var refused = await ReconfigureAsync("praefect-git-3");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("praefect-ctl reconfigure: refused: \"praefect-git-3\" is behind on 1 repositories"));
        Assert.That(refused.Stderr, Does.Contain("Set praefect['failover_force'] = true in gitlab.rb and run 'praefect-ctl reconfigure' again to fail over anyway"));
        Assert.That(refused.Stderr, Does.EndWith("praefect-ctl reconfigure: nothing was changed.\n"));
        Assert.That(await File.ReadAllTextAsync(renderedPath), Is.EqualTo(before));
        Assert.That(await _cluster.PrimaryAsync(), Is.EqualTo("praefect-git-2"));

        var forced = await ReconfigureAsync("praefect-git-3", force: true);

        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.ToString());
        Assert.That(forced.Stdout, Does.Contain("virtual storage 'praefect': primary is now 'praefect-git-3' (was 'praefect-git-2'); forced\n"));
        Assert.That(await _cluster.PrimaryAsync(), Is.EqualTo("praefect-git-3"));
        Assert.That(praefect.Process.HasExited, Is.False);
    }
}
