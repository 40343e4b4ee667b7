using Praefect.Server.Tests.Replication;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Metrics;

/// <summary>
/// docs/operations.md's metrics table is what <c>/metrics</c> serves: after a push and its replication
/// through a real praefect, every documented metric is exported with its type, every exported
/// <c>gitaly_</c>/<c>grpc_</c> metric is documented, and every sample carries exactly the documented label names.
/// </summary>
[TestFixture]
public sealed class MetricsDocsTests
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(60);

    /// <summary>Metrics a push and a replication must have written samples of (so the label check is not vacuous).</summary>
    private static readonly string[] Sampled =
    [
        "grpc_server_handled_total", "grpc_server_handling_seconds", "gitaly_praefect_method_types", "gitaly_praefect_primaries",
        "gitaly_praefect_node_last_healthcheck_up", "gitaly_praefect_node_latency", "gitaly_praefect_replication_latency",
        "gitaly_praefect_replication_delay", "gitaly_praefect_replication_jobs", "gitaly_praefect_replication_queue_depth",
        "gitaly_praefect_replication_results_total", "gitaly_authentications_total", "gitaly_praefect_build_info",
    ];

    [Test]
    [CancelAfter(180_000)]
    public async Task MetricsTable_AfterAPushAndItsReplication_MatchesWhatMetricsServes()
    {
        await using var cluster = await PraefectCluster.StartNodesAsync(postgres: false);
        var praefect = await cluster.StartPraefectAsync(cluster.NewConfig());
        try
        {
            await cluster.CreateRepositoryAsync(praefect, "metrics/docs.git");
            await cluster.WaitForConvergenceAsync(["metrics/docs.git"], Converge);
            PrometheusExposition? served = null;
            await Wait.UntilAsync(async () =>
            {
                served = PrometheusExposition.Parse(await MetricsText.ReadAsync(praefect.Config.PrometheusListenAddr));
                return Sampled.All(served.Labels.ContainsKey);
            }, Converge, "/metrics to hold samples of " + string.Join(", ", Sampled));

            var documented = DocumentedMetrics.Read();
            Assert.Multiple(() =>
            {
                Assert.That(documented, Has.Count.GreaterThan(10), "rows found in the metrics table of docs/operations.md");
                foreach (var (name, labels, type) in documented)
                {
                    Assert.That(served!.Types.GetValueOrDefault(name), Is.EqualTo(type), $"type of documented metric {name} as /metrics serves it");
                    if (served.Labels.TryGetValue(name, out var servedLabels))
                    {
                        Assert.That(servedLabels.Order(), Is.EqualTo(labels.Order()), $"label names of {name}: docs/operations.md vs /metrics");
                    }
                }

                var undocumented = served!.Types.Keys
                    .Where(n => n.StartsWith("gitaly_", StringComparison.Ordinal) || n.StartsWith("grpc_", StringComparison.Ordinal))
                    .Except(documented.Select(d => d.Name));
                Assert.That(undocumented, Is.Empty, "metrics /metrics serves without a row in docs/operations.md");
            });
        }
        catch
        {
            cluster.PrintLogs();
            throw;
        }
    }
}
