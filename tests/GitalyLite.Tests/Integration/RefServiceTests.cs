using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class RefServiceTests
{
    private const string Token = "ref-secret";
    private GitalyLiteNode node = null!;
    private TempDirectory work = null!;
    private string bare = "";
    private readonly Repository repository = RepositoryClients.Repo("default", "refs.git");

    [OneTimeSetUp]
    public async Task StartNode()
    {
        node = await GitalyLiteNode.StartAsync("default", Token);
        work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits: 2, branch: "develop");
        await Git.RunAsync(source, "branch", "feature", "HEAD~1");
        await Git.RunAsync(source, "tag", "v1");
        bare = node.RepositoryPath("refs.git");
        await Git.RunAsync(work.Path, "clone", "--bare", "--quiet", source, bare);
    }

    [OneTimeTearDown]
    public async Task StopNode()
    {
        await node.DisposeAsync();
        work.Dispose();
    }

    [Test]
    public async Task FindDefaultBranchName_HeadOnDevelop_Develop()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        var reply = await clients.Ref.FindDefaultBranchNameAsync(new FindDefaultBranchNameRequest { Repository = repository }, clients.Headers);

        Assert.That(reply.Name.ToStringUtf8(), Is.EqualTo("refs/heads/develop"));
    }

    [Test]
    public async Task FindAllBranchNames_TwoBranches_BothFullNames()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        using var call = clients.Ref.FindAllBranchNames(new FindAllBranchNamesRequest { Repository = repository }, clients.Headers);
        var names = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            names.AddRange(reply.Names.Select(n => n.ToStringUtf8()));
        }

        Assert.That(names, Is.EqualTo(new[] { "refs/heads/develop", "refs/heads/feature" }));
    }

    [Test]
    public async Task FindAllBranches_TwoBranches_NamesAndTargetsFromGit()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        using var call = clients.Ref.FindAllBranches(new FindAllBranchesRequest { Repository = repository }, clients.Headers);
        var branches = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            branches.AddRange(reply.Branches.Select(b => $"{b.Target.Id} {b.Name.ToStringUtf8()}"));
        }

        Assert.That(string.Join("\n", branches) + "\n", Is.EqualTo(await Git.ForEachRefAsync(bare, "refs/heads/")));
    }

    [TestCase("refs/heads/feature", true)]
    [TestCase("refs/tags/v1", true)]
    [TestCase("refs/heads/nope", false)]
    public async Task RefExists_Ref_ReportsExistence(string reference, bool expected)
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        var reply = await clients.Ref.RefExistsAsync(new RefExistsRequest { Repository = repository, Ref = ByteString.CopyFromUtf8(reference) }, clients.Headers);

        Assert.That(reply.Value, Is.EqualTo(expected));
    }

    [Test]
    public void RefExists_NotUnderRefs_InvalidArgument()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.Ref.RefExistsAsync(
            new RefExistsRequest { Repository = repository, Ref = ByteString.CopyFromUtf8("HEAD") }, clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("RefExists: invalid refname \"HEAD\": it must start with refs/"));
    }
}
