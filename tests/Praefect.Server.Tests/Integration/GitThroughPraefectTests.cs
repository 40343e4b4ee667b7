using Gitaly;
using Grpc.Net.Client;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Integration;

/// <summary>Real git push and clone through praefect in front of three gitaly-lite nodes, via the gitaly-ssh bridge.</summary>
[TestFixture]
public sealed class GitThroughPraefectTests
{
    private const string AuthToken = "praefect-git-secret";
    private const string VirtualStorage = "praefect";
    private readonly List<GitalyLiteNode> _nodes = [];
    private PraefectProcess _praefect = null!;
    private GrpcChannel _channel = null!;

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        for (var i = 1; i <= 3; i++)
        {
            _nodes.Add(await GitalyLiteNode.StartAsync($"praefect-git-{i}", $"node-{i}-secret"));
        }

        _praefect = await PraefectProcess.StartAsync(PraefectProcess.ConfigFor(VirtualStorage, AuthToken,
            _nodes.Select(n => (n.Storage, n.Address, n.Token)).ToArray()));
        _channel = _praefect.OpenChannel();
    }

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        _channel?.Dispose();
        if (_praefect is not null)
        {
            await _praefect.DisposeAsync();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [TearDown]
    public void PrintLogsOnFailure()
    {
        if (TestFailure.IsCurrentTestFailing())
        {
            _praefect.Process.PrintLog();
        }
    }

    [Test]
    public async Task PushThenClone_ThroughPraefect_RefsEqualSourceAndReplicatedToSecondaries()
    {
        using var work = new TempDirectory();
        const string relativePath = "group/through-praefect.git";
        var repositories = new RepositoryService.RepositoryServiceClient(_channel);
        await repositories.CreateRepositoryAsync(new CreateRepositoryRequest { Repository = new Repository { StorageName = VirtualStorage, RelativePath = relativePath } },
            GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(30));
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 3);
        await Git.RunAsync(source, "tag", "v1.0");

        var push = await Git.TryRunAsync(source, Bridge(BridgeMode.ReceivePack, relativePath),
            "push", GitalyBridge.RemoteUrl, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*");
        var clone = await Git.TryRunAsync(work.Path, Bridge(BridgeMode.UploadPack, relativePath),
            "clone", "--bare", "--quiet", GitalyBridge.RemoteUrl, work.Combine("clone.git"));

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(clone.Succeeded, Is.True, clone.Stderr);
        var expected = await Git.ForEachRefAsync(source);
        Assert.That(expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        Assert.That(await Git.ForEachRefAsync(_nodes[0].RepositoryPath(relativePath)), Is.EqualTo(expected));
        Assert.That(await Git.ForEachRefAsync(work.Combine("clone.git")), Is.EqualTo(expected));
        await Wait.UntilAsync(async () => Directory.Exists(_nodes[1].RepositoryPath(relativePath)) && Directory.Exists(_nodes[2].RepositoryPath(relativePath))
            && await Git.ForEachRefAsync(_nodes[1].RepositoryPath(relativePath)) == expected && await Git.ForEachRefAsync(_nodes[2].RepositoryPath(relativePath)) == expected,
            Wait.Converge, "the secondaries to have the pushed refs (replication)");
    }

    [Test]
    public async Task Clone_UnknownVirtualStorage_FailsNamingTheKnownOnes()
    {
        using var work = new TempDirectory();
        var environment = GitalyBridge.Environment(BridgeMode.UploadPack, _praefect.Address, "elsewhere", "x.git", AuthToken);

        var clone = await Git.TryRunAsync(work.Path, environment, "clone", "--bare", "--quiet", GitalyBridge.RemoteUrl, work.Combine("clone.git"));

        Assert.That(clone.Succeeded, Is.False);
        Assert.That(clone.Stderr, Does.Contain("InvalidArgument: virtual storage \"elsewhere\" does not exist; known virtual storages: \"praefect\""));
    }

    [Test]
    public async Task ServerInfo_ThreeGitalyLiteNodes_VirtualStorageReadableAndWriteable()
    {
        var client = new ServerService.ServerServiceClient(_channel);

        var reply = await client.ServerInfoAsync(new ServerInfoRequest(), GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(30));

        Assert.That(reply.StorageStatuses.Select(s => (s.StorageName, s.Readable, s.Writeable)), Is.EqualTo(new[] { (VirtualStorage, true, true) }));
    }

    private IReadOnlyDictionary<string, string> Bridge(BridgeMode mode, string relativePath) =>
        GitalyBridge.Environment(mode, _praefect.Address, VirtualStorage, relativePath, AuthToken);
}
