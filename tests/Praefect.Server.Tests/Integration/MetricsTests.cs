using Gitaly;
using Grpc.Core;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

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

        const string Handled = "grpc_server_handled_total{grpc_service=\"gitaly.RepositoryService\",grpc_method=\"RepositoryExists\",grpc_type=\"unary\",grpc_code=\"OK\"} 1";
        const string Latency = "grpc_server_handling_seconds_count{grpc_service=\"gitaly.RepositoryService\",grpc_method=\"RepositoryExists\",grpc_type=\"unary\"} 1";
        var text = await MetricsText.WhenContainsAsync(Praefect.Config.PrometheusListenAddr, Handled, Latency);

        Assert.That(text, Does.Contain(Handled));
        Assert.That(text, Does.Contain(Latency));
        Assert.That(text, Does.Contain("gitaly_praefect_node_call_duration_seconds_count{virtual_storage=\"praefect\",storage=\"node-a\"} 1"));
        Assert.That(text, Does.Contain("gitaly_praefect_method_types{method_type=\"accessor\"} 1"));
        Assert.That(text, Does.Contain("gitaly_authentications_total{enforced=\"true\",status=\"ok\"} 1"));
        Assert.That(text, Does.Contain("gitaly_praefect_build_info{version=\"0.1.0\""));
        Assert.That(text, Does.Contain("gitaly_praefect_authentication_disabled 0"));
    }

    [Test]
    public async Task Metrics_HealthCallsByName_AnyOtherNameUnderTheHealthServiceIsUnknown()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(Channel);
        await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), Auth(), Deadline());
        var bytes = new Marshaller<byte[]>(b => b, b => b);
        var madeUp = new Method<byte[], byte[]>(MethodType.Unary, "grpc.health.v1.Health", "MadeUpByTheClient", bytes, bytes);
        Assert.ThrowsAsync<RpcException>(async () =>
            await Channel.CreateCallInvoker().AsyncUnaryCall(madeUp, null, new CallOptions(Auth(), Deadline()), []));

        const string Check = "grpc_server_handled_total{grpc_service=\"grpc.health.v1.Health\",grpc_method=\"Check\",grpc_type=\"unary\",grpc_code=\"OK\"}";
        const string Unknown = "grpc_server_handled_total{grpc_service=\"unknown\",grpc_method=\"unknown\",grpc_type=\"unknown\"";
        var text = await MetricsText.WhenContainsAsync(Praefect.Config.PrometheusListenAddr, Check, Unknown);

        Assert.That(text, Does.Not.Contain("MadeUpByTheClient"), "a client-chosen method name must not become a label value");
    }

    [Test]
    public async Task MetricsListener_OtherPathsAndTheGrpcListener_ServeNoMetrics()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var metricsAddr = Praefect.Config.PrometheusListenAddr;

        using var other = await http.GetAsync($"http://{metricsAddr}/");
        using var metrics = await http.GetAsync($"http://{metricsAddr}/metrics");
        using var overGrpc = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"http://{Praefect.Config.ListenAddr}/metrics")
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        Assert.That(other.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "GET / on the metrics listener");
        Assert.That(metrics.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "GET /metrics on the metrics listener");
        Assert.That(await overGrpc.Content.ReadAsStringAsync(), Does.Not.Contain("gitaly_praefect_build_info"), "GET /metrics on the gRPC listener");
        // The call over the gRPC listener just above may be counted a moment after its response; once it is, two
        // scrapes in a row must leave the sum alone (a scrape counted as a call would change it every time).
        await Wait.UntilAsync(async () => HandledCalls(await MetricsText.ReadAsync(metricsAddr)) == HandledCalls(await MetricsText.ReadAsync(metricsAddr)),
            Wait.Patient, "two scrapes in a row to leave grpc_server_handled_total unchanged: scrapes are not gRPC calls");
    }

    private static double HandledCalls(string text) => text.Split('\n')
        .Where(line => line.StartsWith("grpc_server_handled_total{", StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
