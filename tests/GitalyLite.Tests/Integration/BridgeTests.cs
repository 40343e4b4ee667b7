using Gitaly;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

public sealed class BridgeTests : NodeFixture
{

    [Test]
    public async Task PushThenClone_ThroughBridge_RefsEqualSource()
    {
        using var work = new TempDirectory();
        var repository = RepositoryClients.Repo(Storage, "group/push-clone.git");
        await Clients.CreateAsync(repository);
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 3);
        await Git.RunAsync(source, "tag", "v1.0");
        await Git.RunAsync(source, "tag", "-a", "v2.0", "-m", "annotated");
        await Git.RunAsync(source, "branch", "feature", "HEAD~1");

        var push = await Git.TryRunAsync(source, Bridge(BridgeMode.ReceivePack, repository.RelativePath),
            "push", GitalyBridge.RemoteUrl, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*");
        var clone = await Git.TryRunAsync(work.Path, Bridge(BridgeMode.UploadPack, repository.RelativePath),
            "clone", "--bare", "--quiet", GitalyBridge.RemoteUrl, work.Combine("clone.git"));

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(clone.Succeeded, Is.True, clone.Stderr);
        var expected = await Git.ForEachRefAsync(source);
        Assert.That(expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4));
        Assert.That(await Git.ForEachRefAsync(Node.RepositoryPath(repository.RelativePath)), Is.EqualTo(expected));
        Assert.That(await Git.ForEachRefAsync(work.Combine("clone.git")), Is.EqualTo(expected));
    }

    [Test]
    public async Task Clone_MissingRepository_FailsWithNotFoundOnStderr()
    {
        using var work = new TempDirectory();

        var clone = await Git.TryRunAsync(work.Path, Bridge(BridgeMode.UploadPack, "missing.git"),
            "clone", "--bare", "--quiet", GitalyBridge.RemoteUrl, work.Combine("clone.git"));

        Assert.That(clone.Succeeded, Is.False);
        Assert.That(clone.Stderr, Does.Contain("gitaly-lite ssh: NotFound: GetRepoPath: not a git repository: \"default/missing.git\""));
    }

    [Test]
    public async Task Push_WrongToken_FailsWithPermissionDenied()
    {
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 1);
        var environment = GitalyBridge.Environment(BridgeMode.ReceivePack, Node.Address, Storage, "any.git", "wrong-token");

        var push = await Git.TryRunAsync(source, environment, "push", GitalyBridge.RemoteUrl, "main");

        Assert.That(push.Succeeded, Is.False);
        Assert.That(push.Stderr, Does.Contain("gitaly-lite ssh: PermissionDenied: permission denied: wrong token"));
    }

    private IReadOnlyDictionary<string, string> Bridge(BridgeMode mode, string relativePath) =>
        GitalyBridge.Environment(mode, Node.Address, Storage, relativePath, Token);
}
