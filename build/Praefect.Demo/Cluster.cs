using Gitaly;
using Grpc.Core;
using Grpc.Health.V1;
using Praefect.Configuration.Runtime;
using Praefect.TestSupport;

namespace Praefect.Demo;

/// <summary>The demo cluster as the rendered config.yml describes it, and the gRPC calls the demo makes.</summary>
internal sealed class Cluster(RuntimeConfig config)
{
    public RuntimeConfig Config => config;

    public VirtualStorageConfig VirtualStorage => config.VirtualStorages[0];

    public string PraefectAddress => "tcp://" + config.ListenAddr;

    public async Task WaitHealthyAsync(string address, string what, TimeSpan timeout)
    {
        using var channel = GitalyChannel.Open(address);
        var health = new Health.HealthClient(channel);
        await Wait.UntilAsync(async () =>
        {
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(1));
                return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            }
            catch (RpcException)
            {
                return false;
            }
        }, timeout, what + " answering grpc health SERVING at " + address);
    }

    public async Task CreateRepositoryAsync(string relativePath)
    {
        using var channel = GitalyChannel.Open(PraefectAddress);
        var client = new RepositoryService.RepositoryServiceClient(channel);
        await client.CreateRepositoryAsync(
            new CreateRepositoryRequest { Repository = new Repository { StorageName = VirtualStorage.Name, RelativePath = relativePath } },
            GitalyChannel.AuthHeaders(config.Auth.Token), DateTime.UtcNow.AddSeconds(30));
    }

    /// <summary>CalculateChecksum straight on one node (with that node's token); "absent" when the node has no copy.</summary>
    public async Task<string> ChecksumAsync(NodeConfig node, string relativePath)
    {
        using var channel = GitalyChannel.Open(node.Address);
        var client = new RepositoryService.RepositoryServiceClient(channel);
        try
        {
            var reply = await client.CalculateChecksumAsync(
                new CalculateChecksumRequest { Repository = new Repository { StorageName = node.Storage, RelativePath = relativePath } },
                GitalyChannel.AuthHeaders(node.Token), DateTime.UtcNow.AddSeconds(10));
            return reply.Checksum;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.DataLoss)
        {
            return "absent";
        }
    }

    public async Task<IReadOnlyList<(string Storage, string Checksum)>> ChecksumsAsync(string relativePath)
    {
        var result = new List<(string, string)>();
        foreach (var node in VirtualStorage.Nodes)
        {
            result.Add((node.Storage, await ChecksumAsync(node, relativePath)));
        }

        return result;
    }
}
