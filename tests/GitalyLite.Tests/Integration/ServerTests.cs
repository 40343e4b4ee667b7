using System.Text.Json;
using Gitaly;
using Grpc.Core;
using Grpc.Health.V1;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

public sealed class ServerTests : NodeFixture
{

    [Test]
    public async Task ServerInfo_OneStorage_VersionsAndWriteableStorage()
    {
        var reply = await Clients.Server.ServerInfoAsync(new ServerInfoRequest(), Clients.Headers);

        Assert.That(reply.ServerVersion, Does.StartWith("gitaly-lite-"));
        Assert.That((await Git.RunAsync(Node.StorageDir, "version")).Trim(), Is.EqualTo("git version " + reply.GitVersion));
        Assert.That(reply.StorageStatuses.Select(s => (s.StorageName, s.Readable, s.Writeable)), Is.EqualTo(new[] { (Storage, true, true) }));
    }

    [Test]
    public void UnregisteredService_AnyMethod_UnimplementedNamingIt()
    {
        var client = new CommitService.CommitServiceClient(Node.OpenChannel());

        var error = Assert.ThrowsAsync<RpcException>(async () => await client.FindCommitAsync(new FindCommitRequest(), GitalyChannel.AuthHeaders(Token)));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
        Assert.That(error.Status.Detail, Is.EqualTo("method /gitaly.CommitService/FindCommit is not implemented by gitaly-lite"));
    }

    [Test]
    public void RegisteredService_MethodNotImplemented_UnimplementedNamingIt()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.FetchRemoteAsync(new FetchRemoteRequest(), Clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
        Assert.That(error.Status.Detail, Is.EqualTo("method /gitaly.RepositoryService/FetchRemote is not implemented by gitaly-lite"));
    }

    [TestCase("gitaly.RepositoryService", "NoSuchMethod")]
    [TestCase("gitaly.NoSuchService", "Anything")]
    public void UnknownMethod_AnyService_UnimplementedNamingIt(string service, string method)
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var descriptor = new Method<byte[], byte[]>(MethodType.Unary, service, method, bytes, bytes);
        using var channel = Node.OpenChannel();

        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(descriptor, null, new CallOptions(Clients.Headers), []));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
        Assert.That(error.Status.Detail, Is.EqualTo($"method /{service}/{method} is not implemented by gitaly-lite"));
    }

    [Test]
    public async Task Call_Finished_OnePraefectFormatJsonLineWithCorrelationId()
    {
        var relativePath = $"logged-{Guid.NewGuid():N}.git";
        var headers = new Metadata();
        foreach (var entry in Clients.Headers)
        {
            headers.Add(entry);
        }

        headers.Add("x-gitlab-correlation-id", "corr-node-17");

        await Clients.Repository.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = RepositoryClients.Repo(Storage, relativePath) }, headers);

        await Wait.UntilAsync(() => FindLogLine(relativePath) is not null, Wait.Patient, "the call's log line");
        var line = FindLogLine(relativePath)!.Value;
        Assert.That(line.GetProperty("time").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        Assert.That(line.GetProperty("level").GetString(), Is.EqualTo("info"));
        Assert.That(line.GetProperty("msg").GetString(), Does.StartWith("finished call '/gitaly.RepositoryService/RepositoryExists'"));
        Assert.That(line.GetProperty("grpc.request.fullMethod").GetString(), Is.EqualTo("/gitaly.RepositoryService/RepositoryExists"));
        Assert.That(line.GetProperty("storage").GetString(), Is.EqualTo(Storage));
        Assert.That(line.GetProperty("grpc.code").GetString(), Is.EqualTo("OK"));
        Assert.That(line.GetProperty("grpc.time_ms").GetDouble(), Is.GreaterThan(0));
        Assert.That(line.GetProperty("correlation_id").GetString(), Is.EqualTo("corr-node-17"));
    }

    [Test]
    public async Task Serve_UnixSocketAndConfigFile_ServesHealthRepositoriesAndBridge()
    {
        using var directory = new TempDirectory("gl");
        var socket = directory.Combine("node.sock");
        var config = directory.Combine("node.yml");
        await File.WriteAllTextAsync(config, $"""
            socket_path: {socket}
            auth:
              token: file-secret
            storages:
              - name: from-file
                path: {directory.Combine("storage")}
            """);
        await using var process = ChildProcess.Start("gitaly-lite unix", GitalyLiteNode.ExecutablePath, ["serve", "--config", config]);
        using var channel = GitalyChannel.Open("unix:" + socket);
        var health = new Health.HealthClient(channel);
        await Wait.UntilAsync(async () => File.Exists(socket) && (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving,
            Wait.Patient, "gitaly-lite on a unix socket to report SERVING");
        var clients = new RepositoryClients(channel, "file-secret");

        await clients.CreateAsync(RepositoryClients.Repo("from-file", "on-socket.git"));
        var source = await Git.CreateRepositoryAsync(directory.Combine("source"), commits: 2);
        var push = await Git.TryRunAsync(source, GitalyBridge.Environment(BridgeMode.ReceivePack, "unix:" + socket, "from-file", "on-socket.git", "file-secret"),
            "push", GitalyBridge.RemoteUrl, "main");

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(await Git.ForEachRefAsync(Path.Combine(directory.Combine("storage"), "on-socket.git")), Is.EqualTo(await Git.ForEachRefAsync(source)));
    }

    [Test]
    public async Task Serve_BadFlags_ExitsTwoWithEveryError()
    {
        await using var process = ChildProcess.Start("gitaly-lite bad flags", GitalyLiteNode.ExecutablePath, ["serve", "--storage", "nodir", "--bogus"]);

        var exitCode = await process.WaitForExitAsync(Wait.Patient);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(process.Lines.Where(l => l.Contains("gitaly-lite: error: ")).Select(l => l[(l.IndexOf("gitaly-lite: error: ", StringComparison.Ordinal))..]), Is.EqualTo(new[]
        {
            "gitaly-lite: error: --storage 'nodir' is not NAME=DIR; write e.g. --storage default=/var/opt/gitaly-lite/default",
            "gitaly-lite: error: unknown argument '--bogus'; see the usage below",
            "gitaly-lite: error: no listener; pass --listen 127.0.0.1:PORT and/or --socket PATH",
            "gitaly-lite: error: no storage; pass --storage NAME=DIR at least once",
        }));
    }

    [Test]
    public async Task StopThenStart_SamePortAndStorage_RepositoryStillThere()
    {
        await using var restartable = await GitalyLiteNode.StartAsync(Storage, Token);
        using (var channel = restartable.OpenChannel())
        {
            await new RepositoryClients(channel, Token).CreateAsync(RepositoryClients.Repo(Storage, "survives.git"));
        }

        await restartable.StopAsync();
        var stopped = restartable.Process!.HasExited;
        await restartable.StartAsync();

        using var again = restartable.OpenChannel();
        var clients = new RepositoryClients(again, Token);
        var exists = await clients.Repository.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = RepositoryClients.Repo(Storage, "survives.git") }, clients.Headers);
        Assert.That(stopped, Is.True);
        Assert.That(exists.Exists, Is.True);
    }

    /// <summary>The node's JSON log line (praefect's format: fields at the top level) of the call on <paramref name="relativePath"/>.</summary>
    private JsonElement? FindLogLine(string relativePath)
    {
        foreach (var line in Node.Process!.Lines)
        {
            var json = line[(line.IndexOf('{') is var i and >= 0 ? i : 0)..];
            if (!json.StartsWith('{') || !json.Contains(relativePath, StringComparison.Ordinal))
            {
                continue;
            }

            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("relative_path", out var path) && path.GetString() == relativePath)
            {
                return document.RootElement.Clone();
            }
        }

        return null;
    }
}
