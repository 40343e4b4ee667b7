using Gitaly;
using Praefect.Server.Tests.Support;

namespace Praefect.Server.Tests.Integration;

/// <summary>The Prometheus endpoint after real calls.</summary>
[TestFixture]
public sealed class MetricsTests : ScriptedClusterFixture
{
    [Test]
    public async Task Metrics_AfterAnAccessorCall_ExposeCallsLatencyNodeLatencyMethodTypesAndBuildInfo()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("metrics.git") }, Auth(), Deadline());

        var text = await MetricsText.ReadAsync(Praefect.Config.PrometheusListenAddr);

        Assert.That(text, Does.Contain("grpc_server_handled_total{grpc_service=\"gitaly.RepositoryService\",grpc_method=\"RepositoryExists\",grpc_type=\"unary\",grpc_code=\"OK\"} 1"));
        Assert.That(text, Does.Contain("grpc_server_handling_seconds_count{grpc_service=\"gitaly.RepositoryService\",grpc_method=\"RepositoryExists\",grpc_type=\"unary\"} 1"));
        Assert.That(text, Does.Contain("gitaly_praefect_node_call_duration_seconds_count{virtual_storage=\"praefect\",storage=\"node-a\"} 1"));
        Assert.That(text, Does.Contain("gitaly_praefect_method_types{method_type=\"accessor\"} 1"));
        Assert.That(text, Does.Contain("gitaly_authentications_total{enforced=\"true\",status=\"ok\"} 1"));
        Assert.That(text, Does.Contain("gitaly_praefect_build_info{version=\"0.1.0\""));
        Assert.That(text, Does.Contain("gitaly_praefect_authentication_disabled 0"));
    }
}
