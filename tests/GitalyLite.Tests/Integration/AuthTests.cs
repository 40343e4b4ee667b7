using Gitaly;
using Grpc.Core;
using Grpc.Health.V1;
using Praefect.Protocol.Auth;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class AuthTests
{
    private const string Secret = "auth-secret";
    private GitalyLiteNode strict = null!;
    private GitalyLiteNode transitioning = null!;

    [OneTimeSetUp]
    public async Task StartNodes()
    {
        strict = await GitalyLiteNode.StartAsync("default", Secret);
        transitioning = await GitalyLiteNode.StartAsync("default", Secret, transitioning: true);
    }

    [OneTimeTearDown]
    public async Task StopNodes()
    {
        await strict.DisposeAsync();
        await transitioning.DisposeAsync();
    }

    public static IEnumerable<TestCaseData> RejectedTokens()
    {
        var now = DateTimeOffset.UtcNow;
        yield return new TestCaseData(null, StatusCode.Unauthenticated, "authentication required: send 'authorization: Bearer <token>'").SetName("Call_NoToken_Unauthenticated");
        yield return new TestCaseData("Bearer v2.zz.1", StatusCode.Unauthenticated, "authentication failed: malformed v2 token").SetName("Call_MalformedToken_Unauthenticated");
        yield return new TestCaseData(GitalyToken.CreateV2("wrong", now), StatusCode.PermissionDenied, "permission denied: wrong token").SetName("Call_WrongV2Token_PermissionDenied");
        yield return new TestCaseData(GitalyToken.CreateV1("wrong"), StatusCode.PermissionDenied, "permission denied: wrong token").SetName("Call_WrongV1Token_PermissionDenied");
        yield return new TestCaseData(GitalyToken.CreateV2(Secret, now.AddMinutes(-5)), StatusCode.PermissionDenied, "permission denied: token expired").SetName("Call_ExpiredToken_PermissionDenied");
    }

    [TestCaseSource(nameof(RejectedTokens))]
    public void Call_BadToken_RejectedWithGitalyStatus(string? header, StatusCode code, string message)
    {
        using var channel = strict.OpenChannel();
        var client = new ServerService.ServerServiceClient(channel);

        var error = Assert.ThrowsAsync<RpcException>(async () => await client.ServerInfoAsync(new ServerInfoRequest(), Headers(header)));

        Assert.That(error!.StatusCode, Is.EqualTo(code));
        Assert.That(error.Status.Detail, Is.EqualTo(message));
    }

    [TestCaseSource(nameof(RejectedTokens))]
    public async Task Call_BadTokenOnTransitioningNode_Succeeds(string? header, StatusCode code, string message)
    {
        using var channel = transitioning.OpenChannel();
        var client = new ServerService.ServerServiceClient(channel);
        var logged = FailedAuthLogLines();

        var reply = await client.ServerInfoAsync(new ServerInfoRequest(), Headers(header));

        Assert.That(reply.StorageStatuses.Single().StorageName, Is.EqualTo("default"));
        await Wait.UntilAsync(() => FailedAuthLogLines() > logged, Wait.Patient, "the transitioning node to log the failed authentication");
    }

    [TestCase("v2")]
    [TestCase("v1")]
    public async Task Call_GoodToken_Succeeds(string version)
    {
        using var channel = strict.OpenChannel();
        var client = new ServerService.ServerServiceClient(channel);
        var header = version == "v2" ? GitalyToken.CreateV2(Secret, DateTimeOffset.UtcNow) : GitalyToken.CreateV1(Secret);

        var reply = await client.ServerInfoAsync(new ServerInfoRequest(), Headers(header));

        Assert.That(reply.StorageStatuses.Single(), Has.Property("Readable").True.And.Property("Writeable").True);
    }

    [Test]
    public async Task HealthCheck_NoToken_Serving()
    {
        using var channel = strict.OpenChannel();

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.That(reply.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    // praefect's JSON lines write apostrophes as themselves (relaxed escaping), not \u0027.
    private int FailedAuthLogLines() =>
        transitioning.Process!.Lines.Count(line => line.Contains("/gitaly.ServerService/ServerInfo' not authenticated: ", StringComparison.Ordinal));

    private static Metadata Headers(string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add(GitalyToken.HeaderName, authorization);
        }

        return headers;
    }
}
