using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

/// <summary>gitaly.InternalGitaly/WalkRepos on a real gitaly-lite node: what it lists, what it skips, and how it is declared.</summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class WalkReposTests
{
    private GitalyLiteNode _node = null!;
    private GrpcChannel _channel = null!;

    [OneTimeSetUp]
    public async Task StartNodeAsync()
    {
        _node = await GitalyLiteNode.StartAsync("walk", "walk-token");
        _channel = _node.OpenChannel();
    }

    [OneTimeTearDown]
    public async Task StopNodeAsync()
    {
        _channel.Dispose();
        await _node.DisposeAsync();
    }

    private async Task InitAsync(string relativePath)
    {
        var path = _node.RepositoryPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Git.RunAsync(_node.StorageDir, "init", "--bare", "--quiet", path);
    }

    private async Task<List<WalkReposResponse>> WalkAsync(string storage)
    {
        using var call = _channel.CreateCallInvoker().AsyncServerStreamingCall(InternalGitaly.WalkRepos, null,
            new CallOptions(GitalyChannel.AuthHeaders(_node.Token), DateTime.UtcNow.AddSeconds(30)), new WalkReposRequest { StorageName = storage });
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    [Test]
    public async Task WalkRepos_Storage_ListsEveryRepositoryInOrderSkippingInternalAndPlainDirectories()
    {
        await InitAsync("@hashed/ab/cd/abcd.git");
        await InitAsync("group/project.git");
        await InitAsync("group/project.wiki.git");
        await InitAsync("+removed-0123/gone.git");
        await InitAsync("+gitaly/tmp/staging.git");
        Directory.CreateDirectory(_node.RepositoryPath("group/empty-folder"));

        var walked = await WalkAsync("walk");

        Assert.That(walked.Select(r => r.RelativePath), Is.EqualTo(new[] { "@hashed/ab/cd/abcd.git", "group/project.git", "group/project.wiki.git" }));
        Assert.That(walked[1].ModificationTime.ToDateTime(), Is.EqualTo(Directory.GetLastWriteTimeUtc(_node.RepositoryPath("group/project.git"))));
    }

    [Test]
    public void WalkRepos_UnknownStorage_InvalidArgument()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => WalkAsync("nope"));

        Assert.That((error!.StatusCode, error.Status.Detail), Is.EqualTo((StatusCode.InvalidArgument, "GetStorageByName: no such storage: \"nope\"")));
    }

    [Test]
    public async Task Reflection_DeclaresWalkReposAsAStorageScopedStreamingAccessor()
    {
        var result = await ReflectionClient.LearnAsync(_channel.CreateCallInvoker(), GitalyChannel.AuthHeaders(_node.Token), TimeSpan.FromSeconds(20),
            ReflectionLimits.Default, CancellationToken.None);

        Assert.That(result.Error, Is.Null);
        var info = DescriptorClassifier.Classify(result.Catalog!).Operations[InternalGitaly.WalkReposMethod];
        Assert.That((info.Kind, info.Scope, info.Streaming, info.StorageName?.ToString()),
            Is.EqualTo((OperationKind.Accessor, OperationScope.Server, StreamingKind.ServerStreaming, "1")));
    }
}
