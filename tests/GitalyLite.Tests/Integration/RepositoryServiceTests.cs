using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

public sealed class RepositoryServiceTests : NodeFixture
{

    [Test]
    public async Task CreateRepository_Twice_SucceedsAndExists()
    {
        var repository = RepositoryClients.Repo(Storage, "group/sub/twice.git");

        await Clients.CreateAsync(repository);
        await Clients.CreateAsync(repository);
        var exists = await Clients.Repository.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = repository }, Clients.Headers);

        Assert.That(exists.Exists, Is.True);
        Assert.That(File.Exists(Path.Combine(Node.RepositoryPath("group/sub/twice.git"), "HEAD")), Is.True);
    }

    [Test]
    public async Task WriteRef_NewBranchAndHead_RefsUpdated()
    {
        var (repository, bare) = await RepositoryWithCommitsAsync("write-ref.git");
        var head = (await Git.RunAsync(bare, "rev-parse", "HEAD")).Trim();

        await Clients.Repository.WriteRefAsync(new WriteRefRequest { Repository = repository, Ref = Bytes("refs/heads/copy"), Revision = Bytes(head) }, Clients.Headers);
        await Clients.Repository.WriteRefAsync(new WriteRefRequest { Repository = repository, Ref = Bytes("HEAD"), Revision = Bytes("refs/heads/copy") }, Clients.Headers);

        Assert.That((await Git.RunAsync(bare, "rev-parse", "refs/heads/copy")).Trim(), Is.EqualTo(head));
        Assert.That((await Git.RunAsync(bare, "symbolic-ref", "HEAD")).Trim(), Is.EqualTo("refs/heads/copy"));
    }

    [Test]
    public async Task WriteRef_StaleOldRevision_FailsAndRefUnchanged()
    {
        var (repository, bare) = await RepositoryWithCommitsAsync("write-ref-stale.git");
        var head = (await Git.RunAsync(bare, "rev-parse", "HEAD")).Trim();
        var parent = (await Git.RunAsync(bare, "rev-parse", "HEAD~1")).Trim();
        var request = new WriteRefRequest { Repository = repository, Ref = Bytes("refs/heads/main"), Revision = Bytes(parent), OldRevision = Bytes(parent) };

        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.WriteRefAsync(request, Clients.Headers));

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
        var (repository, _) = await RepositoryWithCommitsAsync($"write-ref-invalid-{Guid.NewGuid():N}.git");
        var request = new WriteRefRequest { Repository = repository, Ref = Bytes(reference), Revision = Bytes(revision) };

        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.WriteRefAsync(request, Clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo(message));
    }

    [Test]
    public async Task HasLocalBranches_EmptyThenPushed_FalseThenTrue()
    {
        var repository = RepositoryClients.Repo(Storage, "branches.git");
        await Clients.CreateAsync(repository);
        var before = await Clients.Repository.HasLocalBranchesAsync(new HasLocalBranchesRequest { Repository = repository }, Clients.Headers);
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);
        await Git.RunAsync(source, "push", "--quiet", Node.RepositoryPath("branches.git"), "main");

        var after = await Clients.Repository.HasLocalBranchesAsync(new HasLocalBranchesRequest { Repository = repository }, Clients.Headers);

        Assert.That(before.Value, Is.False);
        Assert.That(after.Value, Is.True);
    }

    [Test]
    public async Task RepositorySizeAndGarbageCollect_RepositoryWithCommits_SizeInKilobytesAndObjectsPacked()
    {
        var (repository, bare) = await RepositoryWithCommitsAsync("size.git");
        var expectedKilobytes = new DirectoryInfo(bare).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024;

        var size = await Clients.Repository.RepositorySizeAsync(new RepositorySizeRequest { Repository = repository }, Clients.Headers);
        await Clients.Repository.GarbageCollectAsync(new GarbageCollectRequest { Repository = repository, CreateBitmap = true }, Clients.Headers);

        Assert.That(size.Size, Is.EqualTo(expectedKilobytes));
        Assert.That(Directory.EnumerateFiles(Path.Combine(bare, "objects", "pack"), "*.bitmap").Count(), Is.EqualTo(1));
        Assert.That(await Git.RunAsync(bare, "count-objects"), Does.StartWith("0 objects"));
    }

    private async Task<(Repository Repository, string Bare)> RepositoryWithCommitsAsync(string relativePath) =>
        (RepositoryClients.Repo(Storage, relativePath), await SeedRepositoryAsync(relativePath, commits: 3));

    private static ByteString Bytes(string text) => ByteString.CopyFromUtf8(text);
}
