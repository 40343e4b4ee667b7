using Gitaly;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Protocol.Metadata;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class FetchInternalRemoteTests : TwoNodeFixture
{
    [Test]
    public async Task FetchInternalRemote_AfterPushAndBranchDeletion_ChecksumsEqualAndBranchPruned()
    {
        using var work = new TempDirectory();
        var onA = RepositoryClients.Repo("storage-a", "replicated.git");
        await a.CreateAsync(onA);
        var onB = await CreateOnBAsync("replicated.git");
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 2);
        await Git.RunAsync(source, "branch", "to-delete");
        await Git.RunAsync(source, "tag", "v1");
        var pushEnvironment = GitalyBridge.Environment(BridgeMode.ReceivePack, nodeA.Address, "storage-a", "replicated.git", nodeA.Token);
        await PushAsync(source, pushEnvironment, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*");

        var first = await FetchAsync(onB, onA);
        var checksumAfterFirst = (await a.ChecksumAsync(onA), await b.ChecksumAsync(onB));
        await PushAsync(source, pushEnvironment, ":refs/heads/to-delete");
        var second = await FetchAsync(onB, onA);

        Assert.That(first.Result, Is.True);
        Assert.That(checksumAfterFirst.Item2, Is.EqualTo(checksumAfterFirst.Item1));
        Assert.That(checksumAfterFirst.Item1, Is.Not.EqualTo(RepositoryChecksumBlank));
        Assert.That(second.Result, Is.True);
        Assert.That(await b.ChecksumAsync(onB), Is.EqualTo(await a.ChecksumAsync(onA)));
        var refsOnB = await Git.ForEachRefAsync(nodeB.RepositoryPath("replicated.git"));
        Assert.That(refsOnB, Does.Not.Contain("refs/heads/to-delete"));
        Assert.That(refsOnB, Is.EqualTo(await Git.ForEachRefAsync(nodeA.RepositoryPath("replicated.git"))));
    }

    [Test]
    public async Task FetchInternalRemote_SourceRepositoryMissing_ResultFalse()
    {
        var onB = await CreateOnBAsync("orphan.git");

        var response = await FetchAsync(onB, RepositoryClients.Repo("storage-a", "does-not-exist.git"));

        Assert.That(response.Result, Is.False);
    }

    [Test]
    public async Task FetchInternalRemote_SourceUnreachable_UnavailableWithTheSourcesError()
    {
        var onB = await CreateOnBAsync("unreachable-source.git");
        using var down = TestPorts.ReserveUnanswered();
        var address = $"tcp://127.0.0.1:{down.Port}";
        var headers = b.Headers;
        headers.Add(GitalyServers.HeaderName, GitalyServers.Encode(new Dictionary<string, GitalyServerInfo> { ["storage-a"] = new(address, nodeA.Token) }));

        var error = Assert.ThrowsAsync<RpcException>(async () => await b.Remote.FetchInternalRemoteAsync(
            new FetchInternalRemoteRequest { Repository = onB, RemoteRepository = RepositoryClients.Repo("storage-a", "x.git") }, headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unavailable));
        Assert.That(error.Status.Detail, Does.StartWith($"FetchInternalRemote: fetching from \"storage-a\" at {address}: Unavailable: "));
    }

    [Test]
    public async Task FetchInternalRemote_NoGitalyServersHeader_InvalidArgument()
    {
        var onB = await CreateOnBAsync("no-header.git");

        var error = Assert.ThrowsAsync<RpcException>(async () => await b.Remote.FetchInternalRemoteAsync(
            new FetchInternalRemoteRequest { Repository = onB, RemoteRepository = RepositoryClients.Repo("storage-a", "x.git") }, b.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("FetchInternalRemote: the gitaly-servers header is missing"));
    }

    private const string RepositoryChecksumBlank = "0000000000000000000000000000000000000000";

    private async Task<Repository> CreateOnBAsync(string relativePath)
    {
        var repository = RepositoryClients.Repo("storage-b", relativePath);
        await b.CreateAsync(repository);
        return repository;
    }

    private async Task<FetchInternalRemoteResponse> FetchAsync(Repository into, Repository from)
    {
        var headers = b.Headers;
        headers.Add(GitalyServers.HeaderName, GitalyServers.Encode(new Dictionary<string, GitalyServerInfo>
        {
            [from.StorageName] = new(nodeA.Address, nodeA.Token),
        }));
        return await b.Remote.FetchInternalRemoteAsync(new FetchInternalRemoteRequest { Repository = into, RemoteRepository = from }, headers);
    }

    private static async Task PushAsync(string source, IReadOnlyDictionary<string, string> environment, params string[] refspecs)
    {
        var push = await Git.TryRunAsync(source, environment, ["push", GitalyBridge.RemoteUrl, .. refspecs]);
        Assert.That(push.Succeeded, Is.True, push.Stderr);
    }
}
