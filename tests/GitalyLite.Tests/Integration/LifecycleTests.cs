using Gitaly;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Protocol.Auth;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Metadata;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

/// <summary>The methods gitaly-lite serves beyond 1.37 (declared through reflection), info/attributes, and Gitaly's header handling.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
[CancelAfter(120_000)]
public sealed class LifecycleTests : TwoNodeFixture
{
    [Test]
    public async Task Reflection_DeclaresTheLifecycleMethodsAsAnnotatedMutators()
    {
        var result = await ReflectionClient.LearnAsync(channelA.CreateCallInvoker(), a.Headers, TimeSpan.FromSeconds(20), ReflectionLimits.Default, CancellationToken.None);

        Assert.That(result.Error, Is.Null);
        var classification = DescriptorClassifier.Classify(result.Catalog!);
        foreach (var method in new[] { RepositoryLifecycle.RemoveRepositoryMethod, RepositoryLifecycle.RenameRepositoryMethod, RepositoryLifecycle.ReplicateRepositoryMethod })
        {
            var info = classification.Operations[method];
            Assert.That((info.Kind, info.Scope, info.TargetRepository?.ToString()), Is.EqualTo((OperationKind.Mutator, OperationScope.Repository, "1")), method);
        }

        Assert.That(classification.Operations.Keys.Where(m => !OperationRegistry.Gitaly.TryGet(m, out _)), Has.Exactly(4).Items, "the three lifecycle methods and InternalGitaly/WalkRepos");
    }

    [Test]
    public async Task ApplyGitattributes_ThenReplicateRepository_CopiesRefsHeadAndInfoAttributes()
    {
        var onA = RepositoryClients.Repo("storage-a", "attributes.git");
        await SeedWithGitattributesAsync(nodeA, "attributes.git", "*.bin binary\n");
        await a.Repository.ApplyGitattributesAsync(new ApplyGitattributesRequest { Repository = onA, Revision = Google.Protobuf.ByteString.CopyFromUtf8("main") }, a.Headers);
        var onB = RepositoryClients.Repo("storage-b", "attributes.git");

        await channelB.CreateCallInvoker().AsyncUnaryCall(RepositoryLifecycle.ReplicateRepository, null,
            new CallOptions(FetchHeaders(), DateTime.UtcNow.AddSeconds(60)), new ReplicateRepositoryRequest { Repository = onB, Source = onA });

        Assert.That(await Git.ForEachRefAsync(nodeB.RepositoryPath("attributes.git")), Is.EqualTo(await Git.ForEachRefAsync(nodeA.RepositoryPath("attributes.git"))));
        Assert.That(await b.ChecksumAsync(onB), Is.EqualTo(await a.ChecksumAsync(onA)));
        Assert.That(await InfoAttributesAsync(b, onB), Is.EqualTo("*.bin binary\n"));
    }

    [Test]
    public async Task RenameRepository_MovesIt_MissingIsNotFound_ExistingDestinationIsFailedPrecondition()
    {
        await SeedWithGitattributesAsync(nodeB, "rename-from.git", "");
        await SeedWithGitattributesAsync(nodeB, "rename-taken.git", "");
        var call = channelB.CreateCallInvoker();

        await call.AsyncUnaryCall(RepositoryLifecycle.RenameRepository, null, new CallOptions(b.Headers),
            new RenameRepositoryRequest { Repository = RepositoryClients.Repo("storage-b", "rename-from.git"), RelativePath = "moved/rename-to.git" });
        var missing = Assert.ThrowsAsync<RpcException>(async () => await call.AsyncUnaryCall(RepositoryLifecycle.RenameRepository, null, new CallOptions(b.Headers),
            new RenameRepositoryRequest { Repository = RepositoryClients.Repo("storage-b", "rename-from.git"), RelativePath = "elsewhere.git" }));
        var taken = Assert.ThrowsAsync<RpcException>(async () => await call.AsyncUnaryCall(RepositoryLifecycle.RenameRepository, null, new CallOptions(b.Headers),
            new RenameRepositoryRequest { Repository = RepositoryClients.Repo("storage-b", "moved/rename-to.git"), RelativePath = "rename-taken.git" }));

        Assert.That(Directory.Exists(nodeB.RepositoryPath("rename-from.git")), Is.False);
        Assert.That(File.Exists(Path.Combine(nodeB.RepositoryPath("moved/rename-to.git"), "HEAD")), Is.True);
        Assert.That((missing!.StatusCode, missing.Status.Detail), Is.EqualTo((StatusCode.NotFound, "GetRepoPath: not a git repository: \"storage-b/rename-from.git\"")));
        Assert.That((taken!.StatusCode, taken.Status.Detail), Is.EqualTo((StatusCode.FailedPrecondition, "RenameRepository: destination already exists")));
    }

    [Test]
    public async Task RemoveRepository_RemovesIt_AndAMissingOneIsNoError()
    {
        await SeedWithGitattributesAsync(nodeB, "remove-me.git", "");
        var call = channelB.CreateCallInvoker();
        var request = new RemoveRepositoryRequest { Repository = RepositoryClients.Repo("storage-b", "remove-me.git") };

        await call.AsyncUnaryCall(RepositoryLifecycle.RemoveRepository, null, new CallOptions(b.Headers), request);
        await call.AsyncUnaryCall(RepositoryLifecycle.RemoveRepository, null, new CallOptions(b.Headers), request);

        Assert.That(Directory.Exists(nodeB.RepositoryPath("remove-me.git")), Is.False);
    }

    [Test]
    public async Task Authorization_TwoValuesAndPraefectServerHeader_TheFirstValueCounts()
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = new Metadata { { GitalyToken.HeaderName, GitalyToken.CreateV2(nodeA.Token, now) }, { GitalyToken.HeaderName, "Bearer v2.zz.1" }, { "gitaly-praefect-server", "e30=" } };
        var refused = new Metadata { { GitalyToken.HeaderName, "Bearer v2.zz.1" }, { GitalyToken.HeaderName, GitalyToken.CreateV2(nodeA.Token, now) } };

        var info = await a.Server.ServerInfoAsync(new ServerInfoRequest(), accepted);
        var error = Assert.ThrowsAsync<RpcException>(async () => await a.Server.ServerInfoAsync(new ServerInfoRequest(), refused));

        Assert.That(info.StorageStatuses.Single().StorageName, Is.EqualTo("storage-a"));
        Assert.That((error!.StatusCode, error.Status.Detail), Is.EqualTo((StatusCode.Unauthenticated, "authentication failed: malformed v2 token")));
    }

    private Metadata FetchHeaders()
    {
        var headers = b.Headers;
        headers.Add(GitalyServers.HeaderName, GitalyServers.Encode(new Dictionary<string, GitalyServerInfo> { ["storage-a"] = new(nodeA.Address, nodeA.Token) }));
        return headers;
    }

    private static async Task<string> InfoAttributesAsync(RepositoryClients clients, Repository repository)
    {
        using var call = clients.Repository.GetInfoAttributes(new GetInfoAttributesRequest { Repository = repository }, clients.Headers);
        var text = new System.Text.StringBuilder();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            text.Append(chunk.Attributes.ToStringUtf8());
        }

        return text.ToString();
    }

    private static async Task SeedWithGitattributesAsync(GitalyLiteNode node, string relativePath, string attributes)
    {
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), 1);
        if (attributes.Length > 0)
        {
            await File.WriteAllTextAsync(Path.Combine(source, ".gitattributes"), attributes);
            await Git.RunAsync(source, "add", ".gitattributes");
            await Git.RunAsync(source, "commit", "--quiet", "-m", "attributes");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(node.RepositoryPath(relativePath))!);
        await Git.RunAsync(work.Path, "clone", "--bare", "--quiet", source, node.RepositoryPath(relativePath));
    }
}
