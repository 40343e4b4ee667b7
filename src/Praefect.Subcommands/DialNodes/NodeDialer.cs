using System.Diagnostics;
using Gitaly;
using Grpc.Core;
using Praefect.Configuration.Runtime;
using Praefect.Subcommands.Nodes;

namespace Praefect.Subcommands.DialNodes;

/// <summary>Dials one node: health check, then ServerInfo for the node's own storage.</summary>
internal static class NodeDialer
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly Method<byte[], byte[]> HealthCheck = new(MethodType.Unary, "grpc.health.v1.Health", "Check", Bytes, Bytes);

    public static async Task<DialResult> DialAsync(string virtualStorage, NodeConfig node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? problem;
        try
        {
            using var clients = new NodeClients();
            var deadline = DateTime.UtcNow + timeout;
            var invoker = clients.Invoker(node);

            // grpc.health.v1 HealthCheckResponse: field 1 (status) as a varint; 1 is SERVING.
            var health = await invoker.AsyncUnaryCall(HealthCheck, null, new CallOptions(NodeClients.Headers(node), deadline, cancellationToken), []);
            if (health is not [0x08, 0x01])
            {
                problem = "health check: the node is not SERVING";
            }
            else
            {
                var info = await new ServerService.ServerServiceClient(invoker).ServerInfoAsync(new ServerInfoRequest(), NodeClients.Headers(node), deadline, cancellationToken);
                problem = CheckStorage(info, node.Storage);
            }
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            // Gitaly answers health checks without a token; ServerInfo is where a wrong token shows.
            problem = $"the node refuses the token configured for it ({e.StatusCode}: {e.Status.Detail}); set the node's 'token' to the node's auth token";
        }
        catch (RpcException e)
        {
            problem = $"{e.StatusCode}: {e.Status.Detail}";
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            problem = $"address '{node.Address}' is not usable: {e.Message}";
        }

        return new DialResult(virtualStorage, node.Storage, node.Address, Stopwatch.GetElapsedTime(started), problem);
    }

    private static string? CheckStorage(ServerInfoResponse info, string storage)
    {
        var status = info.StorageStatuses.FirstOrDefault(s => s.StorageName == storage);
        if (status is null)
        {
            var known = string.Join(", ", info.StorageStatuses.Select(s => "'" + s.StorageName + "'"));
            return $"ServerInfo lists no storage '{storage}' (it serves {(known.Length == 0 ? "none" : known)}); check the node's storage name";
        }

        return (status.Readable, status.Writeable) switch
        {
            (true, true) => null,
            (false, false) => $"storage '{storage}' is neither readable nor writeable",
            (false, _) => $"storage '{storage}' is not readable",
            _ => $"storage '{storage}' is not writeable",
        };
    }
}
