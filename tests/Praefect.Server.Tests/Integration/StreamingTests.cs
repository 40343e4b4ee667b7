using System.Security.Cryptography;
using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>All four streaming kinds through praefect, with headers, trailers, deadlines and cancellation.</summary>
[TestFixture]
public sealed class StreamingTests : ScriptedClusterFixture
{
    private static readonly TimeSpan SignalTimeout = Wait.Patient;

    [Test]
    public async Task Unary_RepositoryOnVirtualStorage_ReachesPrimaryWithRewrittenStorageAndEchoesHeadersAndTrailers()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        var headers = Auth((ScriptedCalls.EchoHeader, "hello"), ("x-gitlab-correlation-id", "corr-unary-1"));
        using var call = client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("group/project.git") }, headers, Deadline());

        var reply = await call.ResponseAsync;
        var responseHeaders = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        Assert.That(reply.Exists, Is.True);
        Assert.That(responseHeaders.GetValue(ScriptedCalls.EchoHeader), Is.EqualTo("hello"));
        Assert.That(trailers.GetValue(ScriptedCalls.TrailerName), Is.EqualTo("done"));
        Assert.That(trailers.GetValueBytes(ScriptedCalls.BinaryTrailerName), Is.EqualTo(ScriptedCalls.BinaryTrailerValue));
        Assert.That(NodeA.State.Calls.Single(c => c.Method.EndsWith("/RepositoryExists", StringComparison.Ordinal)).StorageName, Is.EqualTo("node-a"));
        Assert.That(NodeA.State.Calls.Single(c => c.Method.EndsWith("/RepositoryExists", StringComparison.Ordinal)).RelativePath, Is.EqualTo("group/project.git"));
        Assert.That(NodeA.State.Calls.Single(c => c.Method.EndsWith("/RepositoryExists", StringComparison.Ordinal)).Headers["x-gitlab-correlation-id"], Is.EqualTo("corr-unary-1"));
        Assert.That(NodeB.State.Calls, Is.Empty);
        Assert.That(NodeC.State.Calls, Is.Empty);
    }

    [Test]
    public async Task Unary_FinishedCall_WritesOneJsonAccessLogLine()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("logged.git") }, Auth(("x-gitlab-correlation-id", "corr-log-7")), Deadline());

        await Wait.UntilAsync(() => Praefect.LinesContaining("\"correlation_id\":\"corr-log-7\"").Count == 1, SignalTimeout, "the access log line");
        var line = Praefect.LinesContaining("\"correlation_id\":\"corr-log-7\"").Single();
        var json = System.Text.Json.JsonDocument.Parse(line[line.IndexOf('{')..]).RootElement;
        Assert.That(json.GetProperty("msg").GetString(), Is.EqualTo("finished unary call with code OK"));
        Assert.That(json.GetProperty("grpc.method").GetString(), Is.EqualTo("RepositoryExists"));
        Assert.That(json.GetProperty("grpc.service").GetString(), Is.EqualTo("gitaly.RepositoryService"));
        Assert.That(json.GetProperty("grpc.request.fullMethod").GetString(), Is.EqualTo("/gitaly.RepositoryService/RepositoryExists"));
        Assert.That(json.GetProperty("grpc.start_time").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(json.GetProperty("peer.address").GetString(), Does.StartWith("127.0.0.1:"));
        Assert.That(json.GetProperty("pid").GetInt32(), Is.EqualTo(Praefect.Process.Id));
        Assert.That(json.GetProperty("system").GetString(), Is.EqualTo("grpc"));
        Assert.That(json.GetProperty("span.kind").GetString(), Is.EqualTo("server"));
        Assert.That(json.GetProperty("grpc.code").GetString(), Is.EqualTo("OK"));
        Assert.That(json.GetProperty("grpc.time_ms").GetDouble(), Is.GreaterThan(0));
        Assert.That(json.GetProperty("virtual_storage").GetString(), Is.EqualTo("praefect"));
        Assert.That(json.GetProperty("storage").GetString(), Is.EqualTo("node-a"));
        Assert.That(json.GetProperty("relative_path").GetString(), Is.EqualTo("logged.git"));
        Assert.That(json.GetProperty("level").GetString(), Is.EqualTo("info"));
    }

    [Test]
    public async Task Unary_NoCorrelationId_OneIsGeneratedSentToTheNodeAndLogged()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("uncorrelated.git") }, Auth(), Deadline());

        var sent = NodeA.State.Calls.Single(c => c.RelativePath == "uncorrelated.git").Headers["x-gitlab-correlation-id"];
        Assert.That(sent, Does.Match("^[0-9A-Z]{26}$"));
        await Wait.UntilAsync(() => Praefect.LinesContaining($"\"correlation_id\":\"{sent}\"").Count == 1, SignalTimeout, "the access log line with the generated correlation id");
    }

    [Test]
    public async Task ClientStreaming_ManyMessages_ArriveInOrderOnThePrimary()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        using var call = client.CreateRepositoryFromBundle(Auth(), Deadline());
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await call.RequestStream.WriteAsync(new CreateRepositoryFromBundleRequest { Repository = Repo("bundle.git") });
        for (var i = 0; i < 20; i++)
        {
            var data = RandomNumberGenerator.GetBytes(1000 + i);
            hash.AppendData(data);
            await call.RequestStream.WriteAsync(new CreateRepositoryFromBundleRequest { Data = ByteString.CopyFrom(data) });
        }

        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;

        Assert.That(NodeA.State.LastUpload, Is.EqualTo((20L * 1000 + 190, Convert.ToHexStringLower(hash.GetHashAndReset()))));
        // Only this call: the node also sees praefect's own calls (health checks, learning) beside it.
        Assert.That(NodeA.State.Calls.Single(c => c.Method.EndsWith("/CreateRepositoryFromBundle", StringComparison.Ordinal)).StorageName, Is.EqualTo("node-a"));
    }

    [Test]
    public async Task ClientStreaming_HundredMegabytePush_ArrivesIntact()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        using var call = client.CreateRepositoryFromBundle(Auth(), Deadline(120));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await call.RequestStream.WriteAsync(new CreateRepositoryFromBundleRequest { Repository = Repo("big.git") });
        var chunk = new byte[1024 * 1024];
        for (var i = 0; i < 100; i++)
        {
            RandomNumberGenerator.Fill(chunk);
            hash.AppendData(chunk);
            await call.RequestStream.WriteAsync(new CreateRepositoryFromBundleRequest { Data = ByteString.CopyFrom(chunk) });
        }

        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;

        Assert.That(NodeA.State.LastUpload, Is.EqualTo((100L * 1024 * 1024, Convert.ToHexStringLower(hash.GetHashAndReset()))));
    }

    [Test]
    public async Task ServerStreaming_ManyMessages_AllArriveWithTrailers()
    {
        var client = new SmartHTTPService.SmartHTTPServiceClient(Channel);
        using var call = client.InfoRefsUploadPack(new InfoRefsRequest { Repository = Repo("refs.git"), GitProtocol = "chunks=50,size=1000" }, Auth(), Deadline());

        var messages = new List<byte[]>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            messages.Add(message.Data.ToByteArray());
        }

        Assert.That(messages, Has.Count.EqualTo(50));
        Assert.That(messages.Select(m => m.Length), Is.All.EqualTo(1000));
        Assert.That(messages[27], Is.All.EqualTo((byte)('a' + 1)));
        Assert.That(call.GetTrailers().GetValue(ScriptedCalls.TrailerName), Is.EqualTo("done"));
    }

    [Test]
    public async Task DuplexStreaming_EachMessage_IsEchoedBeforeTheNextIsSent()
    {
        var client = new SSHService.SSHServiceClient(Channel);
        using var call = client.SSHUploadPack(Auth(), Deadline());
        await call.RequestStream.WriteAsync(new SSHUploadPackRequest { Repository = Repo("duplex.git") });
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync(new SSHUploadPackRequest { Stdin = ByteString.CopyFromUtf8("ping " + i) });
            Assert.That(await call.ResponseStream.MoveNext(), Is.True);
            Assert.That(call.ResponseStream.Current.Stdout.ToStringUtf8(), Is.EqualTo("ping " + i));
        }

        await call.RequestStream.CompleteAsync();
        Assert.That(await call.ResponseStream.MoveNext(), Is.True);
        Assert.That(call.ResponseStream.Current.ExitStatus.Value, Is.EqualTo(0));
        Assert.That(await call.ResponseStream.MoveNext(), Is.False);
        Assert.That(call.GetStatus().StatusCode, Is.EqualTo(StatusCode.OK));
    }

    [Test]
    public void Unary_NodeFailsBeforeAnyMessage_ClientGetsTrailersOnlyStatusAndTrailers()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);

        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("fail.git") }, Auth(), Deadline()));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(error.Status.Detail, Is.EqualTo("scripted node: repository fail.git not found"));
        Assert.That(error.Trailers.GetValue(ScriptedCalls.TrailerName), Is.EqualTo("failed"));
    }

    [Test]
    public async Task Unary_DeadlineExpiresInTheNode_DeadlineExceededAndTheNodeSawTheDeadline()
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        // Long enough that a loaded machine still forwards the call before it expires.
        var deadline = DateTime.UtcNow.AddSeconds(3);

        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("hang.git") }, Auth(), deadline));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
        Assert.That(await Wait.ForAsync(NodeA.State.CancellationSeen.Task, SignalTimeout, "the node to see the deadline"), Is.EqualTo("/gitaly.RepositoryService/RepositoryExists"));
        Assert.That(NodeA.State.Calls.Single(c => c.Method.EndsWith("/RepositoryExists", StringComparison.Ordinal)).Deadline, Is.EqualTo(deadline).Within(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task Duplex_ClientCancels_CancellationReachesTheNode()
    {
        var client = new SSHService.SSHServiceClient(Channel);
        using var cancellation = new CancellationTokenSource();
        using var call = client.SSHUploadPack(Auth(), cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(new SSHUploadPackRequest { Repository = Repo("cancel.git"), Stdin = ByteString.CopyFromUtf8("hang") });
        await Wait.ForAsync(NodeA.State.HangStarted.Task, SignalTimeout, "the call to hang on the node");

        cancellation.Cancel();

        var error = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Cancelled));
        Assert.That(await Wait.ForAsync(NodeA.State.CancellationSeen.Task, SignalTimeout, "the cancellation to reach the node"), Is.EqualTo("/gitaly.SSHService/SSHUploadPack"));
    }

    [Test]
    public async Task ServerStreaming_NodeFailsMidStream_ClientSeesUnavailableNamingTheNode()
    {
        var client = new SmartHTTPService.SmartHTTPServiceClient(Channel);
        using var call = client.InfoRefsUploadPack(new InfoRefsRequest { Repository = Repo("reset.git"), GitProtocol = "chunks=10,size=100,abort=3" }, Auth(), Deadline());

        var received = 0;
        var error = Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
                received++;
            }
        }).ThrowIfNull();

        // The response had started (messages reached the client), so the status comes in the trailers
        // instead of the stream reset YARP would send.
        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unavailable), error.ToString());
        Assert.That(error.Status.Detail, Does.StartWith($"node \"node-a\" at {NodeA.Address} of virtual storage \"praefect\" failed while sending the response: "));
        Assert.That(received, Is.LessThanOrEqualTo(3));
        await Wait.UntilAsync(() => Praefect.LinesContaining("failed while sending the response").Count == 1, SignalTimeout, "praefect to log the node failure");
        Assert.That(Praefect.LinesContaining("failed while sending the response").Single(), Does.Contain("node \\\"node-a\\\" at " + NodeA.Address));
    }
}
