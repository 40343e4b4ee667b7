using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

public sealed class RefServiceTests : NodeFixture
{
    private string bare = "";
    private readonly Repository repository = RepositoryClients.Repo(Storage, "refs.git");

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        bare = await SeedRepositoryAsync("refs.git", commits: 2, branch: "develop");
        await Git.RunAsync(bare, "branch", "feature", "HEAD~1");
        await Git.RunAsync(bare, "tag", "v1");
    }

    [Test]
    public async Task FindDefaultBranchName_HeadOnDevelop_Develop()
    {
        var reply = await Clients.Ref.FindDefaultBranchNameAsync(new FindDefaultBranchNameRequest { Repository = repository }, Clients.Headers);

        Assert.That(reply.Name.ToStringUtf8(), Is.EqualTo("refs/heads/develop"));
    }

    [Test]
    public async Task FindAllBranchNames_TwoBranches_BothFullNames()
    {
        using var call = Clients.Ref.FindAllBranchNames(new FindAllBranchNamesRequest { Repository = repository }, Clients.Headers);
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
        using var call = Clients.Ref.FindAllBranches(new FindAllBranchesRequest { Repository = repository }, Clients.Headers);
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
        var reply = await Clients.Ref.RefExistsAsync(new RefExistsRequest { Repository = repository, Ref = ByteString.CopyFromUtf8(reference) }, Clients.Headers);

        Assert.That(reply.Value, Is.EqualTo(expected));
    }

    [Test]
    public void RefExists_NotUnderRefs_InvalidArgument()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Ref.RefExistsAsync(
            new RefExistsRequest { Repository = repository, Ref = ByteString.CopyFromUtf8("HEAD") }, Clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("RefExists: invalid refname \"HEAD\": it must start with refs/"));
    }
}
