using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.Server.Tests.Support;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>SIGHUP: node tokens, nodes and log level change without dropping calls in flight.</summary>
[TestFixture]
public sealed class ReloadTests
{
    private const string AuthToken = "reload-praefect-secret";
    private static readonly TimeSpan LogTimeout = Wait.Patient;

    [Test]
    public async Task Reload_NodeTokenChangedDuringUploadPackStream_StreamCompletesAndNewCallsUseTheNewToken()
    {
        await using var node = await ScriptedNode.StartAsync("node-a", "old-node-secret");
        var config = PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "old-node-secret"));
        await using var praefect = await PraefectProcess.StartAsync(config);
        using var channel = praefect.OpenChannel();
        var ssh = new SSHService.SSHServiceClient(channel);
        using var stream = ssh.SSHUploadPack(GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(60));
        await stream.RequestStream.WriteAsync(new SSHUploadPackRequest { Repository = Repo(), Stdin = ByteString.CopyFromUtf8("want 1") });
        Assert.That(await stream.ResponseStream.MoveNext(), Is.True);

        node.State.Secret = "new-node-secret";
        config.VirtualStorages[0].Nodes[0].Token = "new-node-secret";
        await praefect.ReloadAsync(config);

        await stream.RequestStream.WriteAsync(new SSHUploadPackRequest { Stdin = ByteString.CopyFromUtf8("want 2") });
        Assert.That(await stream.ResponseStream.MoveNext(), Is.True);
        Assert.That(stream.ResponseStream.Current.Stdout.ToStringUtf8(), Is.EqualTo("want 2"));
        await stream.RequestStream.CompleteAsync();
        Assert.That(await stream.ResponseStream.MoveNext(), Is.True);
        Assert.That(await stream.ResponseStream.MoveNext(), Is.False);
        Assert.That(stream.GetStatus().StatusCode, Is.EqualTo(StatusCode.OK));
        var repositories = new RepositoryService.RepositoryServiceClient(channel);
        var reply = await repositories.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo() }, GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(30));
        Assert.That(reply.Exists, Is.True);
        Assert.That(praefect.LinesContaining("token of 'praefect/node-a' changed"), Has.Count.EqualTo(1));
        Assert.That(praefect.Process.Log, Does.Not.Contain("new-node-secret").And.Not.Contain("old-node-secret"));
    }

    [Test]
    public async Task Reload_BrokenFile_KeepsTheRunningConfigAndLogsWhere()
    {
        await using var node = await ScriptedNode.StartAsync("node-a", "node-secret");
        await using var praefect = await PraefectProcess.StartAsync(PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "node-secret")));
        var reloadsBefore = praefect.LinesContaining("Configuration reload from").Count;

        await File.AppendAllTextAsync(praefect.ConfigPath, "virtual_storages: [\n");
        praefect.Hangup();
        await Wait.UntilAsync(() => praefect.LinesContaining("Configuration reload from").Count > reloadsBefore, LogTimeout, "the failed reload to be logged");

        var line = praefect.LinesContaining("Configuration reload from").Last();
        Assert.That(line, Does.Contain("\"level\":\"error\"").And.Contain($"{praefect.ConfigPath}:"));
        using var channel = praefect.OpenChannel();
        var reply = await new RepositoryService.RepositoryServiceClient(channel).RepositoryExistsAsync(
            new RepositoryExistsRequest { Repository = Repo() }, GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(30));
        Assert.That(reply.Exists, Is.True);
    }

    [Test]
    public async Task Reload_LogLevelWarn_AccessLogLinesStop()
    {
        await using var node = await ScriptedNode.StartAsync("node-a", "node-secret");
        var config = PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "node-secret"));
        using var down = TestPorts.ReserveUnanswered();
        config.VirtualStorages.Add(PraefectProcess.VirtualStorage("broken", ("down-1", down.Address, "x")));
        await using var praefect = await PraefectProcess.StartAsync(config);
        using var channel = praefect.OpenChannel();
        var client = new RepositoryService.RepositoryServiceClient(channel);

        config.Logging.Level = "warn";
        await praefect.ReloadAsync(config);
        await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo() }, Headers("corr-quiet"), DateTime.UtcNow.AddSeconds(30));
        Assert.ThrowsAsync<RpcException>(async () => await client.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("broken") }, Headers("corr-down"), DateTime.UtcNow.AddSeconds(30)));

        // Lines are written in order: once the warning of the second call is there, the first call's line would be too.
        await Wait.UntilAsync(() => praefect.LinesContaining("failed on the node side").Count == 1, LogTimeout, "the node-down warning");
        Assert.That(praefect.LinesContaining("corr-quiet"), Is.Empty);
    }

    [Test]
    public async Task Reload_StartedWithSigHupIgnored_StillReloads()
    {
        // nohup (and some supervisors) start praefect with SIGHUP ignored; .NET alone would keep ignoring it.
        await using var node = await ScriptedNode.StartAsync("node-a", "node-secret");
        var config = PraefectProcess.ConfigFor("praefect", AuthToken, ("node-a", node.Address, "node-secret"));
        await using var praefect = await PraefectProcess.StartAsync(config, launcher: "nohup");
        await Wait.UntilAsync(() => praefect.LinesContaining("SIGHUP was ignored by the process that started praefect").Count == 1,
            Wait.Patient, "praefect to log that it took SIGHUP back from nohup");

        config.Logging.Level = "info";
        await praefect.ReloadAsync(config);
    }

    private static Repository Repo(string storage = "praefect") => new() { StorageName = storage, RelativePath = "reload.git" };

    private static Metadata Headers(string correlationId)
    {
        var headers = GitalyChannel.AuthHeaders(AuthToken);
        headers.Add("x-gitlab-correlation-id", correlationId);
        return headers;
    }
}
