using Grpc.Net.Client;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

/// <summary>One gitaly-lite node (storage "default") and one channel to it, shared by the tests of a fixture.</summary>
[Parallelizable(ParallelScope.Self)]
public abstract class NodeFixture
{
    protected const string Token = "node-secret";
    protected const string Storage = "default";
    private GrpcChannel? channel;

    protected GitalyLiteNode Node { get; private set; } = null!;

    protected RepositoryClients Clients { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartNodeAsync()
    {
        Node = await GitalyLiteNode.StartAsync(Storage, Token);
        channel = Node.OpenChannel();
        Clients = new RepositoryClients(channel, Token);
    }

    [OneTimeTearDown]
    public async Task StopNodeAsync()
    {
        channel?.Dispose();
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }
    }

    /// <summary>A bare repository in the node's storage on <paramref name="branch"/> with <paramref name="commits"/> commits, made with plain git.</summary>
    protected async Task<string> SeedRepositoryAsync(string relativePath, int commits, string branch = "main")
    {
        using var work = new TempDirectory();
        var source = await Git.CreateRepositoryAsync(work.Combine("source"), commits, branch);
        var bare = Node.RepositoryPath(relativePath);
        await Git.RunAsync(work.Path, "clone", "--bare", "--quiet", source, bare);
        return bare;
    }
}
