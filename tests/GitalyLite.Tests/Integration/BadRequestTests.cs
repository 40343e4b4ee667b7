using Gitaly;
using Grpc.Core;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

/// <summary>Bad repository addresses get Gitaly's status codes, and nothing on disk changes.</summary>
public sealed class BadRequestTests : NodeFixture
{

    public static IEnumerable<TestCaseData> BadRepositories()
    {
        yield return new TestCaseData(null, StatusCode.InvalidArgument, "empty Repository").SetName("CreateRepository_NoRepository_InvalidArgument");
        yield return new TestCaseData(Repo("nope", "a.git"), StatusCode.InvalidArgument, "GetStorageByName: no such storage: \"nope\"").SetName("CreateRepository_UnknownStorage_InvalidArgumentNamingIt");
        yield return new TestCaseData(Repo(Storage, ""), StatusCode.InvalidArgument, "GetPath: relative path missing").SetName("CreateRepository_EmptyPath_InvalidArgument");
        yield return new TestCaseData(Repo(Storage, "../escaped.git"), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \"../escaped.git\"").SetName("CreateRepository_DotDotPath_InvalidArgument");
        yield return new TestCaseData(Repo(Storage, "a/../../escaped.git"), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \"a/../../escaped.git\"").SetName("CreateRepository_NestedDotDotPath_InvalidArgument");
        yield return new TestCaseData(Repo(Storage, "/tmp/escaped.git"), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \"/tmp/escaped.git\"").SetName("CreateRepository_AbsolutePath_InvalidArgument");
        yield return new TestCaseData(Repo(Storage, "."), StatusCode.InvalidArgument, "GetRepoPath: relative path escapes root directory: \".\"").SetName("CreateRepository_StorageRoot_InvalidArgument");
    }

    [TestCaseSource(nameof(BadRepositories))]
    public void CreateRepository_BadAddress_RejectedAndNothingWritten(Repository? repository, StatusCode code, string message)
    {
        var storageBefore = Snapshot(Node.StorageDir);
        var parentBefore = Snapshot(Path.GetDirectoryName(Node.StorageDir)!);

        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.CreateRepositoryAsync(new CreateRepositoryRequest { Repository = repository }, Clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(code));
        Assert.That(error.Status.Detail, Is.EqualTo(message));
        Assert.That(Snapshot(Node.StorageDir), Is.EqualTo(storageBefore));
        Assert.That(Snapshot(Path.GetDirectoryName(Node.StorageDir)!), Is.EqualTo(parentBefore));
        Assert.That(Directory.Exists("/tmp/escaped.git"), Is.False);
    }

    [TestCaseSource(nameof(BadRepositories))]
    public void WriteRef_BadAddress_Rejected(Repository? repository, StatusCode code, string message)
    {
        var request = new WriteRefRequest
        {
            Repository = repository,
            Ref = Google.Protobuf.ByteString.CopyFromUtf8("refs/heads/x"),
            Revision = Google.Protobuf.ByteString.CopyFromUtf8("HEAD"),
        };

        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Repository.WriteRefAsync(request, Clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(code));
        Assert.That(error.Status.Detail, Is.EqualTo(message));
    }

    [Test]
    public void FindDefaultBranchName_MissingRepository_NotFound()
    {
        var error = Assert.ThrowsAsync<RpcException>(async () => await Clients.Ref.FindDefaultBranchNameAsync(
            new FindDefaultBranchNameRequest { Repository = Repo(Storage, "missing.git") }, Clients.Headers));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(error.Status.Detail, Is.EqualTo("GetRepoPath: not a git repository: \"default/missing.git\""));
    }

    [Test]
    public async Task RepositoryExists_MissingRepository_False()
    {
        var reply = await Clients.Repository.RepositoryExistsAsync(new RepositoryExistsRequest { Repository = Repo(Storage, "missing.git") }, Clients.Headers);

        Assert.That(reply.Exists, Is.False);
    }

    private static Repository Repo(string storage, string relativePath) => RepositoryClients.Repo(storage, relativePath);

    private static string Snapshot(string directory) =>
        string.Join("\n", Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
}
