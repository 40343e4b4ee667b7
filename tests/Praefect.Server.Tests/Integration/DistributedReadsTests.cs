using Gitaly;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Server.Tests.Replication;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>distributed_reads_enabled: accessors reach up-to-date secondaries; the primary-only header keeps them on the primary.</summary>
[TestFixture]
public sealed class DistributedReadsTests
{
    private const string RelativePath = "group/reads.git";
    private static readonly TimeSpan ConvergeTimeout = Wait.Converge;
    private PraefectCluster _cluster = null!;
    private PraefectProcess _praefect = null!;
    private GrpcChannel _channel = null!;
    private RuntimeConfig _config = null!;

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        _cluster = await PraefectCluster.StartNodesAsync(postgres: false);
        var config = _cluster.NewConfig();
        config.DistributedReadsEnabled = true;
        _config = config;
        _praefect = await _cluster.StartPraefectAsync(config);
        _channel = _praefect.OpenChannel();
    }

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        _channel?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [TearDown]
    public void PrintLogsOnFailure()
    {
        if (TestFailure.IsCurrentTestFailing())
        {
            _cluster.PrintLogs();
        }
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Accessors_NodeWithWrongToken_UnhealthyWithTheReasonAndNoReadsSentToIt()
    {
        var repositories = new RepositoryService.RepositoryServiceClient(_channel);
        var repository = await CreateReplicatedAsync(repositories, "group/wrong-token.git");
        var refused = _cluster.Nodes[2].Storage;
        var wrong = _cluster.NewConfig();
        wrong.DistributedReadsEnabled = true;
        wrong.ListenAddr = _config.ListenAddr;
        wrong.PrometheusListenAddr = _config.PrometheusListenAddr;
        wrong.VirtualStorages[0].Nodes[2].Token = "not-the-node-token";
        try
        {
            await _praefect.ReloadAsync(wrong);

            // The health check itself needs no token; the companion ServerInfo does, so the node turns unhealthy.
            await Wait.UntilAsync(() => _praefect.LinesContaining($"Node '{refused}' of virtual storage 'praefect' is unhealthy").Count > 0,
                TimeSpan.FromSeconds(30), $"praefect to mark {refused} unhealthy");
            Assert.That(_praefect.LinesContaining($"Node '{refused}' of virtual storage 'praefect' is unhealthy").Last(), Does.Contain("the node refuses praefect's token for it (PermissionDenied"));

            var mark = _praefect.Process.Lines.Count;
            for (var i = 0; i < 12; i++)
            {
                // Each read succeeds: none goes to the node that would answer "permission denied".
                await repositories.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, GitalyChannel.AuthHeaders(PraefectCluster.AuthToken));
            }

            Assert.That(await StoragesOfNewCallsAsync(mark, 12), Does.Not.Contain(refused));
        }
        finally
        {
            await _praefect.ReloadAsync(_config);
        }
    }

    [Test]
    public async Task Accessors_ReplicatedRepository_ReachSecondariesUnlessPrimaryOnly()
    {
        var repositories = new RepositoryService.RepositoryServiceClient(_channel);
        var repository = await CreateReplicatedAsync(repositories, RelativePath);

        var mark = _praefect.Process.Lines.Count;
        var primaryOnly = GitalyChannel.AuthHeaders(PraefectCluster.AuthToken);
        primaryOnly.Add("gitaly-route-repository-accessor-policy", "primary-only");
        for (var i = 0; i < 12; i++)
        {
            await repositories.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, primaryOnly);
        }

        Assert.That(await StoragesOfNewCallsAsync(mark, 12), Is.EquivalentTo(new[] { _cluster.Nodes[0].Storage }));
    }

    // Creates the repository and waits until reads of it reach all three nodes (replication recorded them up to date).
    private async Task<Repository> CreateReplicatedAsync(RepositoryService.RepositoryServiceClient repositories, string relativePath)
    {
        var repository = new Repository { StorageName = PraefectCluster.VirtualStorage, RelativePath = relativePath };
        await repositories.CreateRepositoryAsync(new CreateRepositoryRequest { Repository = repository }, GitalyChannel.AuthHeaders(PraefectCluster.AuthToken));
        var servedBy = new HashSet<string>();
        await Wait.UntilAsync(async () =>
        {
            var before = _praefect.Process.Lines.Count;
            await repositories.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, GitalyChannel.AuthHeaders(PraefectCluster.AuthToken));
            servedBy.UnionWith(await StoragesOfNewCallsAsync(before, 1));
            return servedBy.Count == 3;
        }, ConvergeTimeout, $"RepositoryExists of {relativePath} served by all three nodes");
        return repository;
    }

    // The storage of each RepositoryExists access-log line written since line index `from`.
    private async Task<HashSet<string>> StoragesOfNewCallsAsync(int from, int expected)
    {
        List<string> lines = [];
        await Wait.UntilAsync(() =>
        {
            lines = _praefect.Process.Lines.Skip(from).Where(l => l.Contains("RepositoryExists", StringComparison.Ordinal) && l.Contains("\"grpc.code\"", StringComparison.Ordinal)).ToList();
            return lines.Count >= expected;
        }, Wait.Patient, $"{expected} access log lines of RepositoryExists");
        return lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, "\"storage\":\"([^\"]+)\"").Groups[1].Value).ToHashSet();
    }
}
