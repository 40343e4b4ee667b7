using Grpc.Net.Client;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration;

/// <summary>Two gitaly-lite nodes (storage-a, storage-b) with a channel and repository clients each, started once per fixture.</summary>
public abstract class TwoNodeFixture
{
    protected GitalyLiteNode nodeA = null!;
    protected GitalyLiteNode nodeB = null!;
    protected GrpcChannel channelA = null!;
    protected GrpcChannel channelB = null!;
    protected RepositoryClients a = null!;
    protected RepositoryClients b = null!;

    [OneTimeSetUp]
    public async Task StartNodes()
    {
        nodeA = await GitalyLiteNode.StartAsync("storage-a", "token-a");
        nodeB = await GitalyLiteNode.StartAsync("storage-b", "token-b");
        channelA = nodeA.OpenChannel();
        channelB = nodeB.OpenChannel();
        a = new RepositoryClients(channelA, nodeA.Token);
        b = new RepositoryClients(channelB, nodeB.Token);
    }

    [OneTimeTearDown]
    public async Task StopNodes()
    {
        channelA.Dispose();
        channelB.Dispose();
        await nodeA.DisposeAsync();
        await nodeB.DisposeAsync();
    }
}
