using Gitaly;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

/// <summary>Bad repository addresses get Gitaly's status codes, and nothing on disk changes.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class BadRequestTests
{
    private const string Token = "bad-request-secret";
    private GitalyLiteNode node = null!;

    [OneTimeSetUp]
    public async Task StartNode() => node = await GitalyLiteNode.StartAsync("default", Token);

    [OneTimeTearDown]
    public async Task StopNode() => await node.DisposeAsync();

    public static IEnumerable<TestCaseData> BadRepositories()
    {
        yield return new TestCaseData(null, StatusCode.InvalidArgument, "empty Repository").SetName("CreateRepository_NoRepository_InvalidArgument");
        yield return new TestCaseData(Repo("nope", "a.git"), StatusCode.InvalidArgument, "GetStorageByName: no such storage: \"nope\"").SetName("CreateRepository_UnknownStorage_InvalidArgumentNamingIt");
        yield return new TestCaseData(Repo("default", ""), StatusCode.InvalidArgument, "GetPath: relative path missing").SetName("CreateRepository_EmptyPath_InvalidArgument");
        yield return new TestCaseData(Repo("default", "../escaped.git"), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \"../escaped.git\"").SetName("CreateRepository_DotDotPath_InvalidArgument");
        yield return new TestCaseData(Repo("default", "a/../../escaped.git"), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \"a/../../escaped.git\"").SetName("CreateRepository_NestedDotDotPath_InvalidArgument");
        yield return new TestCaseData(Repo("default", "/tmp/escaped.git"), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \"/tmp/escaped.git\"").SetName("CreateRepository_AbsolutePath_InvalidArgument");
        yield return new TestCaseData(Repo("default", "."), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \".\"").SetName("CreateRepository_StorageRoot_InvalidArgument");
    }

    [TestCaseSource(nameof(BadRepositories))]
    public void CreateRepository_BadAddress_RejectedAndNothingWritten(Repository? repository, StatusCode code, string message)
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);
        var storageBefore = Snapshot(node.StorageDir);
        var parentBefore = Snapshot(Path.GetDirectoryName(node.StorageDir)!);

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.Repository.CreateRepositoryAsync(new CreateRepositoryRequest { Repository = repository }, clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(code));
        Assert.That(error.Status.Detail, Is.EqualTo(message));
        Assert.That(Snapshot(node.StorageDir), Is.EqualTo(storageBefore));
        Assert.That(Snapshot(Path.GetDirectoryName(node.StorageDir)!), Is.EqualTo(parentBefore));
        Assert.That(Directory.Exists("/tmp/escaped.git"), Is.False);
    }

    [TestCaseSource(nameof(BadRepositories))]
    public void WriteRef_BadAddress_Rejected(Repository? repository, StatusCode code, string message)
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);
        var request = new WriteRefRequest
        {
            Repository = repository,
            Ref = Google.Protobuf.ByteString.CopyFromUtf8("refs/heads/x"),
            Revision = Google.Protobuf.ByteString.CopyFromUtf8("HEAD"),
        };

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.Repository.WriteRefAsync(request, clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(code));
        Assert.That(error.Status.Detail, Is.EqualTo(message));
    }

    [Test]
    public void FindDefaultBranchName_MissingRepository_NotFound()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        var error = Assert.ThrowsAsync<RpcException>(async () => await clients.Ref.FindDefaultBranchNameAsync(
            new FindDefaultBranchNameRequest { Repository = Repo("default", "missing.git") }, clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(error.Status.Detail, Is.EqualTo("GetRepoPath: not a git repository: \"default/missing.git\""));
    }

    [Test]
    public async Task RepositoryExists_MissingRepository_False()
    {
        using var channel = node.OpenChannel();
        var clients = new RepositoryClients(channel, Token);

        var reply = await clients.Repository.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo("default", "missing.git") }, clients.Headers);

        Assert.That(reply.Exists, Is.False);
    }

    private static Repository Repo(string storage, string relativePath) => RepositoryClients.Repo(storage, relativePath);

    private static string Snapshot(string directory) =>
        string.Join("\n", Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
}
