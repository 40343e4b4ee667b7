using Gitaly;
using Grpc.Core;
using Grpc.Net.Client;
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

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        _cluster = await PraefectCluster.StartNodesAsync(postgres: false);
        var config = _cluster.NewConfig();
        config.DistributedReadsEnabled = true;
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
    public async Task Accessors_ReplicatedRepository_ReachSecondariesUnlessPrimaryOnly()
    {
        var repositories = new RepositoryService.RepositoryServiceClient(_channel);
        var repository = new Repository { StorageName = PraefectCluster.VirtualStorage, RelativePath = RelativePath };
        await repositories.CreateRepositoryAsync(new CreateRepositoryRequest { Repository = repository }, GitalyChannel.AuthHeaders(PraefectCluster.AuthToken));

        // Once replication has recorded the secondaries as up to date, reads spread over them.
        var servedBy = new HashSet<string>();
        await Wait.UntilAsync(async () =>
        {
            var before = _praefect.Process.Lines.Count;
            await repositories.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, GitalyChannel.AuthHeaders(PraefectCluster.AuthToken));
            servedBy.UnionWith(await StoragesOfNewCallsAsync(before, 1));
            return servedBy.Count == 3;
        }, ConvergeTimeout, "RepositoryExists served by all three nodes");

        var mark = _praefect.Process.Lines.Count;
        var primaryOnly = GitalyChannel.AuthHeaders(PraefectCluster.AuthToken);
        primaryOnly.Add("gitaly-route-repository-accessor-policy", "primary-only");
        for (var i = 0; i < 12; i++)
        {
            await repositories.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, primaryOnly);
        }

        Assert.That(await StoragesOfNewCallsAsync(mark, 12), Is.EquivalentTo(new[] { _cluster.Nodes[0].Storage }));
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
