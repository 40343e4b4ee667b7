using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

public sealed class SmartHttpTests : NodeFixture
{
    private SmartHttpGateway gateway = null!;

    [OneTimeSetUp]
    public async Task StartGatewayAsync() => gateway = await SmartHttpGateway.StartAsync(Node.Address, Storage, Token);

    [OneTimeTearDown]
    public async Task StopGatewayAsync() => await gateway.DisposeAsync();

    [TestCase("version=0")]
    [TestCase("version=2")]
    public async Task PushThenClone_ThroughSmartHttpRpcs_RefsEqualSource(string protocol)
    {
        using var work = new TempDirectory();
        var relativePath = $"http/{protocol[^1]}.git";
        await Clients.CreateAsync(RepositoryClients.Repo(Storage, relativePath));
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 3);
        await Git.RunAsync(source, "tag", "-a", "v1.0", "-m", "release");
        await Git.RunAsync(source, "branch", "topic", "HEAD~2");

        var push = await Git.TryRunAsync(source, null,
            "-c", "protocol.version=" + protocol[^1], "push", gateway.UrlFor(relativePath), "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*");
        var clone = await Git.TryRunAsync(work.Path, null,
            "-c", "protocol.version=" + protocol[^1], "clone", "--bare", "--quiet", gateway.UrlFor(relativePath), work.Combine("clone.git"));

        Assert.That(push.Succeeded, Is.True, push.Stderr);
        Assert.That(clone.Succeeded, Is.True, clone.Stderr);
        var expected = await Git.ForEachRefAsync(source);
        Assert.That(expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3));
        Assert.That(await Git.ForEachRefAsync(Node.RepositoryPath(relativePath)), Is.EqualTo(expected));
        Assert.That(await Git.ForEachRefAsync(work.Combine("clone.git")), Is.EqualTo(expected));
    }

    [Test]
    public async Task Clone_MissingRepository_Fails()
    {
        using var work = new TempDirectory();

        var clone = await Git.TryRunAsync(work.Path, null, "clone", "--bare", gateway.UrlFor("missing.git"), work.Combine("clone.git"));

        Assert.That(clone.Succeeded, Is.False);
        Assert.That(clone.Stderr, Does.Contain("not found"));
    }
}
