using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Rewriting;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Registry;

/// <summary>
/// A real praefect in front of two stand-in nodes that declare, through reflection, methods praefect
/// was not compiled with: praefect learns them, routes them with the nodes' field annotations,
/// replicates the mutator, refuses what cannot be classified, and serves the merged view itself.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class LearnedRegistryTests
{
    private const string Token = "learned-registry-secret";
    private const string VirtualStorage = "praefect";
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private DeclaringNode _alpha = null!;
    private DeclaringNode _beta = null!;
    private PraefectProcess _praefect = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var answers = new Dictionary<string, byte[]>
        {
            [LaterProtocol.Mutate] = [],
            ["/gitaly.RepositoryService/CreateRepository"] = [],
            ["/gitaly.RemoteService/FetchInternalRemote"] = new FetchInternalRemoteResponse { Result = true }.ToByteArray(),
            ["/gitaly.RepositoryService/CalculateChecksum"] = new CalculateChecksumResponse { Checksum = "0123456789abcdef0123456789abcdef01234567" }.ToByteArray(),
            ["/gitaly.RepositoryService/GetInfoAttributes"] = [],
        };
        _alpha = await DeclaringNode.StartAsync(LaterProtocol.Catalog(), answers);
        _beta = await DeclaringNode.StartAsync(LaterProtocol.Catalog(), answers);
        var config = PraefectProcess.ConfigFor(VirtualStorage, Token, ("alpha", _alpha.Address, ""), ("beta", _beta.Address, ""));
        config.Replication = new ReplicationConfig { WorkersPerNode = 1, MaxAttempts = 5, LeaseMs = 2_000, BackoffBaseMs = 50, BackoffMaxMs = 200, PollIntervalMs = 100, UnavailableRetryMs = 100 };
        _praefect = await PraefectProcess.StartAsync(config);
        await Wait.UntilAsync(() => _praefect.LinesContaining("beyond the compiled registry: /test.LaterService/Mutate").Count >= 2,
            TimeSpan.FromSeconds(30), "praefect to learn test.LaterService/Mutate from both nodes");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (TestContext.CurrentContext.Result.FailCount > 0)
        {
            _praefect?.Process.PrintLog();
        }

        if (_praefect is not null)
        {
            await _praefect.DisposeAsync();
        }

        await _alpha.DisposeAsync();
        await _beta.DisposeAsync();
    }

    [Test]
    public async Task LearnedMutator_NestedTargetAndAdditional_ReachesThePrimaryRewrittenAndIsReplicated()
    {
        using var channel = _praefect.OpenChannel();
        var call = channel.CreateCallInvoker();

        await call.AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, "test.LaterService", "Mutate", Raw, Raw), null,
            new CallOptions(GitalyChannel.AuthHeaders(Token), DateTime.UtcNow.AddSeconds(30)), LaterProtocol.MutateRequest(VirtualStorage, "later/repo.git", "later/pool.git"));

        var seen = _alpha.Calls.Single(c => c.Path == LaterProtocol.Mutate).Message;
        Assert.That(RawRepository.TryRead(seen, Protocol.Registry.FieldPath.Parse("1.1"), out var target, out _), Is.True);
        Assert.That(RawRepository.TryRead(seen, Protocol.Registry.FieldPath.Parse("2"), out var other, out _), Is.True);
        Assert.That((target?.StorageName, target?.RelativePath), Is.EqualTo(("alpha", "later/repo.git")));
        Assert.That((other?.StorageName, other?.RelativePath), Is.EqualTo(("alpha", "later/pool.git")));
        Assert.That(_beta.Calls.Any(c => c.Path == LaterProtocol.Mutate), Is.False, "a repository mutator goes to the primary only");

        await Wait.UntilAsync(() => _beta.Calls.Any(c => c.Path == "/gitaly.RemoteService/FetchInternalRemote" && Repository(c.Message) == ("beta", "later/repo.git")),
            TimeSpan.FromSeconds(30), "the secondary to get the replication of later/repo.git");
    }

    [Test]
    public async Task UnparsableAnnotation_IsLoggedWithNodeAndMethod_AndRefused()
    {
        using var channel = _praefect.OpenChannel();
        var call = channel.CreateCallInvoker();

        var error = Assert.ThrowsAsync<RpcException>(() => call.AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, "test.LaterService", "Broken", Raw, Raw), null,
            new CallOptions(GitalyChannel.AuthHeaders(Token), DateTime.UtcNow.AddSeconds(30)), LaterProtocol.Wrap(1, "x"u8.ToArray())).ResponseAsync);

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
        var logged = _praefect.LinesContaining("/test.LaterService/Broken");
        Assert.That(logged, Has.Some.Contains("praefect/alpha").And.Contains("marks field 1 (name) as target_repository"));
        Assert.That(_alpha.Calls.Any(c => c.Path == LaterProtocol.Broken), Is.False);
        await Task.CompletedTask;
    }

    [Test]
    public async Task Reflection_ThroughPraefect_ServesTheMergedView()
    {
        using var channel = _praefect.OpenChannel();

        var result = await ReflectionClient.LearnAsync(channel.CreateCallInvoker(), GitalyChannel.AuthHeaders(Token), TimeSpan.FromSeconds(20), ReflectionLimits.Default, CancellationToken.None);

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Catalog!.ServiceNames, Does.Contain("test.LaterService").And.Contain("gitaly.RepositoryService").And.Contain("grpc.health.v1.Health"));
        var classified = Protocol.Registry.DescriptorClassifier.Classify(result.Catalog);
        Assert.That(classified.Operations[LaterProtocol.Mutate].TargetRepository?.ToString(), Is.EqualTo("1.1"));
    }

    private static (string, string) Repository(byte[] message) =>
        RawRepository.TryRead(message, Protocol.Registry.FieldPath.Parse("1"), out var repository, out _) && repository is { } r ? (r.StorageName, r.RelativePath) : ("", "");
}
