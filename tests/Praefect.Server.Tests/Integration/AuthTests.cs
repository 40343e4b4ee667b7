using System.Text;
using Gitaly;
using Grpc.Core;
using Praefect.Protocol.Auth;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>Gitaly's token scheme in front of every call: exact status codes and messages; secrets never logged.</summary>
[TestFixture]
public sealed class AuthTests : ScriptedClusterFixture
{
    // Tokens are made when the test runs, not when NUnit discovers the cases: a v2 token is only
    // valid for 30 s, and a long suite reaches this test later than that.
    public static IEnumerable<TestCaseData> Matrix()
    {
        yield return Case(() => null, StatusCode.Unauthenticated, "authentication required: send 'authorization: Bearer <token>'", "Call_MissingToken_Unauthenticated");
        yield return Case(() => GitalyToken.CreateV2("wrong-secret", DateTimeOffset.UtcNow), StatusCode.PermissionDenied, "permission denied: wrong token", "Call_WrongV2Token_PermissionDenied");
        yield return Case(() => GitalyToken.CreateV2(AuthToken, DateTimeOffset.UtcNow.AddMinutes(-5)), StatusCode.PermissionDenied, "permission denied: token expired", "Call_ExpiredV2Token_PermissionDenied");
        yield return Case(() => "Bearer v2.nothex.123", StatusCode.Unauthenticated, "authentication failed: malformed v2 token", "Call_MalformedV2Token_Unauthenticated");
        yield return Case(() => GitalyToken.CreateV1("wrong-secret"), StatusCode.PermissionDenied, "permission denied: wrong token", "Call_WrongV1Token_PermissionDenied");
        yield return Case(() => GitalyToken.CreateV1(AuthToken), StatusCode.OK, "", "Call_V1Token_Ok");
        yield return Case(() => GitalyToken.CreateV2(AuthToken, DateTimeOffset.UtcNow), StatusCode.OK, "", "Call_V2Token_Ok");
    }

    private static TestCaseData Case(Func<string?> authorization, StatusCode expected, string message, string name) =>
        new TestCaseData(authorization, expected, message).SetName(name);

    [TestCaseSource(nameof(Matrix))]
    public async Task Call_Token_ExpectedStatus(Func<string?> authorization, StatusCode expected, string message)
    {
        var status = await CallAsync(Channel, authorization());

        Assert.That((status.StatusCode, status.Detail), Is.EqualTo((expected, message)));
    }

    [Test]
    public async Task HealthCheck_NoToken_Serving()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(Channel);

        var reply = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), deadline: Deadline());

        Assert.That(reply.Status, Is.EqualTo(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving));
    }

    [Test]
    public async Task Logs_AfterCallsWithGoodAndBadTokens_ContainNoSecret()
    {
        await CallAsync(Channel, GitalyToken.CreateV1(AuthToken));
        await CallAsync(Channel, GitalyToken.CreateV2(AuthToken, DateTimeOffset.UtcNow));
        await CallAsync(Channel, GitalyToken.CreateV1("wrong-secret"));
        await Wait.UntilAsync(() => Praefect.LinesContaining("rejected: WrongSignature").Count > 0, Wait.Patient, "the rejection to be logged");

        var log = Praefect.Process.Log;
        Assert.That(log, Does.Not.Contain(AuthToken));
        Assert.That(log, Does.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes(AuthToken))));
        Assert.That(log, Does.Not.Contain("wrong-secret"));
        Assert.That(log, Does.Not.Contain("node-a-secret"));
        Assert.That(log, Does.Not.Contain("Bearer"));
    }

    [Test]
    public async Task Call_TransitioningWithWrongToken_PassesAndIsCounted()
    {
        var config = PraefectProcess.ConfigFor(VirtualStorage, AuthToken, ("node-a", NodeA.Address, "node-a-secret"));
        config.Auth.Transitioning = true;
        await using var praefect = await PraefectProcess.StartAsync(config);
        using var channel = praefect.OpenChannel();

        var wrong = await CallAsync(channel, GitalyToken.CreateV2("wrong-secret", DateTimeOffset.UtcNow));
        var missing = await CallAsync(channel, null);

        Assert.That((wrong.StatusCode, missing.StatusCode), Is.EqualTo((StatusCode.OK, StatusCode.OK)));
        var metrics = await MetricsText.ReadAsync(praefect.Config.PrometheusListenAddr);
        Assert.That(metrics, Does.Contain("gitaly_authentications_total{enforced=\"false\",status=\"denied\"} 1"));
        Assert.That(metrics, Does.Contain("gitaly_authentications_total{enforced=\"false\",status=\"unauthenticated\"} 1"));
    }

    [Test]
    public async Task Start_EmptyToken_WarnsAndExposesMetricAndLetsCallsThrough()
    {
        var config = PraefectProcess.ConfigFor(VirtualStorage, "", ("node-a", NodeA.Address, "node-a-secret"));
        await using var praefect = await PraefectProcess.StartAsync(config);
        using var channel = praefect.OpenChannel();

        var status = await CallAsync(channel, null);

        Assert.That(status.StatusCode, Is.EqualTo(StatusCode.OK));
        Assert.That(praefect.LinesContaining("\"level\":\"warning\",\"msg\":\"auth.token is empty: calls are not authenticated."), Has.Count.EqualTo(1));
        Assert.That(await MetricsText.ReadAsync(praefect.Config.PrometheusListenAddr), Does.Contain("gitaly_praefect_authentication_disabled 1"));
    }

    private static async Task<Status> CallAsync(Grpc.Net.Client.GrpcChannel channel, string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add(GitalyToken.HeaderName, authorization);
        }

        var client = new RepositoryService.RepositoryServiceClient(channel);
        try
        {
            await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("auth.git") }, headers, Deadline());
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
