using Gitaly;
using Google.Protobuf;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Registry;
using Praefect.Server.Nodes;
using Praefect.Server.Routing;

namespace Praefect.Server.Tests.Routing;

public sealed class CallRouterTests
{
    private NodeManager _nodes = null!;

    [SetUp]
    public void CreateNodes()
    {
        var config = new RuntimeConfig();
        config.VirtualStorages.Add(new VirtualStorageConfig
        {
            Name = "praefect",
            Nodes =
            [
                new NodeConfig { Storage = "git-1", Address = "tcp://127.0.0.1:1", Primary = false },
                new NodeConfig { Storage = "git-2", Address = "tcp://127.0.0.1:2", Primary = true },
                new NodeConfig { Storage = "git-3", Address = "tcp://127.0.0.1:3" },
            ],
        });
        config.VirtualStorages.Add(new VirtualStorageConfig
        {
            Name = "other",
            Nodes = [new NodeConfig { Storage = "other-1", Address = "tcp://127.0.0.1:4", Primary = true }],
        });
        _nodes = new NodeManager(config);
    }

    [TearDown]
    public void DisposeNodes() => _nodes.Dispose();

    [Test]
    public void TryRoute_RepositoryAccessor_PrimaryWithRewrittenStorageAndOtherFieldsKept()
    {
        var request = new RepositoryExistsRequest { Repository = new Repository { StorageName = "praefect", RelativePath = "a/b.git", GlRepository = "project-7" } };

        var decision = Route("/gitaly.RepositoryService/RepositoryExists", request);

        var rewritten = RepositoryExistsRequest.Parser.ParseFrom(decision.Message.Span);
        Assert.That(decision.Target.Storage, Is.EqualTo("git-2"));
        Assert.That(decision.VirtualStorage!.Name, Is.EqualTo("praefect"));
        Assert.That(decision.RelativePath, Is.EqualTo("a/b.git"));
        Assert.That(rewritten.Repository, Is.EqualTo(new Repository { StorageName = "git-2", RelativePath = "a/b.git", GlRepository = "project-7" }));
        Assert.That(decision.FanOut, Is.Empty);
    }

    [Test]
    public void TryRoute_AdditionalRepositoryOnTheSameVirtualStorage_BothRewritten()
    {
        var request = new FetchInternalRemoteRequest
        {
            Repository = new Repository { StorageName = "praefect", RelativePath = "target.git" },
            RemoteRepository = new Repository { StorageName = "praefect", RelativePath = "source.git" },
        };

        var decision = Route("/gitaly.RemoteService/FetchInternalRemote", request);

        var rewritten = FetchInternalRemoteRequest.Parser.ParseFrom(decision.Message.Span);
        Assert.That((rewritten.Repository.StorageName, rewritten.RemoteRepository.StorageName), Is.EqualTo(("git-2", "git-2")));
    }

    [Test]
    public void TryRoute_AdditionalRepositoryOnAnotherStorage_LeftAsIs()
    {
        var request = new FetchInternalRemoteRequest
        {
            Repository = new Repository { StorageName = "praefect", RelativePath = "target.git" },
            RemoteRepository = new Repository { StorageName = "default", RelativePath = "source.git" },
        };

        var decision = Route("/gitaly.RemoteService/FetchInternalRemote", request);

        Assert.That(FetchInternalRemoteRequest.Parser.ParseFrom(decision.Message.Span).RemoteRepository.StorageName, Is.EqualTo("default"));
    }

    [Test]
    public void TryRoute_ServerScopedMutator_EverySecondaryGetsItsOwnStorageName()
    {
        var decision = Route("/gitaly.NamespaceService/AddNamespace", new AddNamespaceRequest { StorageName = "praefect", Name = "group" });

        Assert.That(AddNamespaceRequest.Parser.ParseFrom(decision.Message.Span), Is.EqualTo(new AddNamespaceRequest { StorageName = "git-2", Name = "group" }));
        Assert.That(decision.FanOut.Select(f => (f.Node.Storage, AddNamespaceRequest.Parser.ParseFrom(f.Message).StorageName)),
            Is.EqualTo(new[] { ("git-1", "git-1"), ("git-3", "git-3") }));
    }

    [Test]
    public void TryRoute_ServerScopedAccessor_PrimaryOnly()
    {
        var decision = Route("/gitaly.NamespaceService/NamespaceExists", new NamespaceExistsRequest { StorageName = "other", Name = "group" });

        Assert.That((decision.Target.Storage, decision.FanOut.Count), Is.EqualTo(("other-1", 0)));
        Assert.That(NamespaceExistsRequest.Parser.ParseFrom(decision.Message.Span).StorageName, Is.EqualTo("other-1"));
    }

    [TestCase("nope", "a.git", "virtual storage \"nope\" does not exist; known virtual storages: \"praefect\", \"other\"")]
    [TestCase("", "a.git", "empty storage name in the target repository; set storage_name to one of the virtual storages \"praefect\", \"other\"")]
    [TestCase("praefect", "", "empty relative path in the target repository on virtual storage \"praefect\"; set relative_path")]
    public void TryRoute_BadRepository_ExactError(string storage, string relativePath, string expected)
    {
        var request = new RepositoryExistsRequest { Repository = new Repository { StorageName = storage, RelativePath = relativePath } };
        OperationRegistry.Gitaly.TryGet("/gitaly.RepositoryService/RepositoryExists", out var operation);

        Assert.That(CallRouter.TryRoute(operation, request.ToByteArray(), _nodes.Current, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(expected));
    }

    [Test]
    public void TryRoute_MalformedMessage_ErrorNotException()
    {
        OperationRegistry.Gitaly.TryGet("/gitaly.RepositoryService/RepositoryExists", out var operation);

        Assert.That(CallRouter.TryRoute(operation, new byte[] { 0x0A, 0x05, 0x12 }, _nodes.Current, out _, out var error), Is.False);
        Assert.That(error, Does.StartWith("malformed request: "));
    }

    private RouteDecision Route(string method, IMessage request)
    {
        Assert.That(OperationRegistry.Gitaly.TryGet(method, out var operation), Is.True);
        Assert.That(CallRouter.TryRoute(operation, request.ToByteArray(), _nodes.Current, out var decision, out var error), Is.True, error);
        return decision!;
    }
}
