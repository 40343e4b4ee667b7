using Gitaly;
using Grpc.Core;
using Praefect.Server.Tests.Support;

namespace Praefect.Server.Tests.Integration;

/// <summary>Requests praefect cannot route, and nodes it cannot reach: exact codes and messages.</summary>
[TestFixture]
public sealed class RoutingErrorTests : ScriptedClusterFixture
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    [Test]
    public void Call_UnknownVirtualStorage_InvalidArgumentNamingItAndTheKnownOnes()
    {
        var error = CallRepositoryExists(Repo("project.git", storage: "nope"));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("virtual storage \"nope\" does not exist; known virtual storages: \"praefect\", \"broken\""));
        Assert.That(NodeA.State.Calls, Is.Empty);
    }

    [Test]
    public void Call_EmptyRelativePath_InvalidArgument()
    {
        var error = CallRepositoryExists(Repo(""));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("empty relative path in the target repository on virtual storage \"praefect\"; set relative_path"));
    }

    [Test]
    public void Call_EmptyStorageName_InvalidArgument()
    {
        var error = CallRepositoryExists(Repo("project.git", storage: ""));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("empty storage name in the target repository; set storage_name to one of the virtual storages \"praefect\", \"broken\""));
    }

    [Test]
    public void Call_NoRepositoryAtAll_InvalidArgument()
    {
        var error = CallRepositoryExists(null);

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("empty storage name in the target repository; set storage_name to one of the virtual storages \"praefect\", \"broken\""));
    }

    [Test]
    public void Call_UnknownMethod_UnimplementedNamingIt()
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, "gitaly.NopeService", "Nope", Bytes, Bytes);

        var error = Assert.Throws<RpcException>(() => Channel.CreateCallInvoker().BlockingUnaryCall(method, null, new CallOptions(Auth(), Deadline()), [])).ThrowIfNull();

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
        Assert.That(error.Status.Detail, Is.EqualTo("unknown method /gitaly.NopeService/Nope: praefect does not serve or forward it"));
    }

    [Test]
    public void Call_NodeDown_UnavailableNamingStorageAndAddress()
    {
        var error = CallRepositoryExists(Repo("project.git", storage: "broken"));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unavailable));
        Assert.That(error.Status.Detail, Does.StartWith($"node \"down-1\" at tcp://127.0.0.1:{DownPort} of virtual storage \"broken\" is unavailable: "));
        Assert.That(error.Status.Detail, Does.Contain("Connection refused"));
    }

    [Test]
    public async Task DuplexCall_NodeDown_UnavailableNotAnHttpError()
    {
        var client = new SSHService.SSHServiceClient(Channel);
        using var call = client.SSHUploadPack(Auth(), Deadline());
        await call.RequestStream.WriteAsync(new SSHUploadPackRequest { Repository = Repo("project.git", storage: "broken") });

        var error = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext()).ThrowIfNull();

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unavailable));
        Assert.That(error.Status.Detail, Does.StartWith($"node \"down-1\" at tcp://127.0.0.1:{DownPort} of virtual storage \"broken\" is unavailable: "));
    }

    private RpcException CallRepositoryExists(Repository? repository)
    {
        var client = new RepositoryService.RepositoryServiceClient(Channel);
        var request = new RepositoryExistsRequest();
        if (repository is not null)
        {
            request.Repository = repository;
        }

        return Assert.ThrowsAsync<RpcException>(async () => await client.RepositoryExistsAsync(request, Auth(), Deadline())).ThrowIfNull();
    }
}
