using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class RepositoryServiceTests
{
    private const string Token = "repository-secret";
    private GitalyLiteNode node = null!;

    [OneTimeSetUp]
    public async Task StartNode() => node = await GitalyLiteNode.StartAsync("default", Token);

    [OneTimeTearDown]
    public async Task StopNode() => await node.DisposeAsync();

    [Test]
    public async Task CreateRepository_Twice_SucceedsAndExists()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);
        var repository = RepositoryClients.Repo("default", "group/sub/twice.git");

        await clients.CreateAsync(repository);
        await clients.CreateAsync(repository);
        var exists = await clients.Repository.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, clients.Headers);

        Assert.That(exists.Exists, Is.True);
        Assert.That(File.Exists(Path.Combine(node.RepositoryPath("group/sub/twice.git"), "HEAD")), Is.True);
    }

    [Test]
    public async Task WriteRef_NewBranchAndHead_RefsUpdated()
    {
        var (clients, repository, bare, channel) = await RepositoryWithCommitsAsync("write-ref.git");
        using var _ = channel;
        var head = (await Git.RunAsync(bare, "rev-parse", "HEAD")).Trim();

        await clients.Repository.WriteRefAsync(new WriteRefRequest { Repository = repository, Ref = Bytes("refs/heads/copy"), Revision = Bytes(head) }, clients.Headers);
        await clients.Repository.WriteRefAsync(new WriteRefRequest { Repository = repository, Ref = Bytes("HEAD"), Revision = Bytes("refs/heads/copy") }, clients.Headers);

        Assert.That((await Git.RunAsync(bare, "rev-parse", "refs/heads/copy")).Trim(), Is.EqualTo(head));
        Assert.That((await Git.RunAsync(bare, "symbolic-ref", "HEAD")).Trim(), Is.EqualTo("refs/heads/copy"));
    }

    [Test]
    public async Task WriteRef_StaleOldRevision_FailsAndRefUnchanged()
    {
        var (clients, repository, bare, channel) = await RepositoryWithCommitsAsync("write-ref-stale.git");
        using var _ = channel;
        var head = (await Git.RunAsync(bare, "rev-parse", "HEAD")).Trim();
        var parent = (await Git.RunAsync(bare, "rev-parse", "HEAD~1")).Trim();
        var request = new WriteRefRequest { Repository = repository, Ref = Bytes("refs/heads/main"), Revision = Bytes(parent), OldRevision = Bytes(parent) };

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.Repository.WriteRefAsync(request, clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Internal));
        Assert.That(error.Status.Detail, Does.StartWith("WriteRef: "));
        Assert.That((await Git.RunAsync(bare, "rev-parse", "refs/heads/main")).Trim(), Is.EqualTo(head));
    }

    [TestCase("", "abc", "WriteRef: empty ref; set 'ref' to e.g. refs/heads/main")]
    [TestCase("heads/main", "abc", "WriteRef: ref \"heads/main\" must be HEAD or start with refs/")]
    [TestCase("refs/heads/main", "", "WriteRef: empty revision; set 'revision' to a commit id or, for HEAD, a ref")]
    [TestCase("refs/heads/main", "--upload-pack=x", "WriteRef: invalid revision \"--upload-pack=x\"")]
    public async Task WriteRef_InvalidInput_InvalidArgument(string reference, string revision, string message)
    {
        var (clients, repository, _, channel) = await RepositoryWithCommitsAsync($"write-ref-invalid-{Guid.NewGuid():N}.git");
        using var _ = channel;
        var request = new WriteRefRequest { Repository = repository, Ref = Bytes(reference), Revision = Bytes(revision) };

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.Repository.WriteRefAsync(request, clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo(message));
    }

    [Test]
    public async Task HasLocalBranches_EmptyThenPushed_FalseThenTrue()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);
        var repository = RepositoryClients.Repo("default", "branches.git");
        await clients.CreateAsync(repository);
        var before = await clients.Repository.HasLocalBranchesAsync(new HasLocalBranchesRequest { Repository = repository }, clients.Headers);
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);
        await Git.RunAsync(source, "push", "--quiet", node.RepositoryPath("branches.git"), "main");

        var after = await clients.Repository.HasLocalBranchesAsync(new HasLocalBranchesRequest { Repository = repository }, clients.Headers);

        Assert.That(before.Value, Is.False);
        Assert.That(after.Value, Is.True);
    }

    [Test]
    public async Task RepositorySizeAndGarbageCollect_RepositoryWithCommits_SizeInKilobytesAndObjectsPacked()
    {
        var (clients, repository, bare, channel) = await RepositoryWithCommitsAsync("size.git");
        using var _ = channel;
        var expectedKilobytes = new DirectoryInfo(bare).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024;

        var size = await clients.Repository.RepositorySizeAsync(new RepositorySizeRequest { Repository = repository }, clients.Headers);
        await clients.Repository.GarbageCollectAsync(new GarbageCollectRequest { Repository = repository, CreateBitmap = true }, clients.Headers);

        Assert.That(size.Size, Is.EqualTo(expectedKilobytes));
        Assert.That(Directory.EnumerateFiles(Path.Combine(bare, "objects", "pack"), "*.bitmap").Count(), Is.EqualTo(1));
        Assert.That(await Git.RunAsync(bare, "count-objects"), Does.StartWith("0 objects"));
    }

    private async Task<(RepositoryClients Clients, Repository Repository, string Bare, IDisposable Channel)> RepositoryWithCommitsAsync(string relativePath)
    {
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 3);
        var bare = node.RepositoryPath(relativePath);
        await Git.RunAsync(work.Path, "init", "--bare", "--quiet", bare);
        await Git.RunAsync(source, "push", "--quiet", bare, "main");
        await Git.RunAsync(bare, "symbolic-ref", "HEAD", "refs/heads/main");
        var channel = node.OpenChannel();
        return (new RepositoryClients(channel, Token), RepositoryClients.Repo("default", relativePath), bare, channel);
    }

    private static ByteString Bytes(string text) => ByteString.CopyFromUtf8(text);
}
