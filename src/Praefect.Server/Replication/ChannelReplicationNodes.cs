using System.Net.Sockets;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;

namespace Praefect.Server.Replication;

/// <summary>
/// <see cref="IReplicationNodes"/> over one <see cref="GrpcChannel"/> per configured node
/// (<c>tcp://host:port</c>, <c>tls://host:port</c> or <c>unix:/path</c>), each authenticating with the node's token.
/// </summary>
internal sealed class ChannelReplicationNodes : IReplicationNodes, IDisposable
{
    private readonly Dictionary<(string VirtualStorage, string Storage), (ReplicationNode Node, GrpcChannel Channel)> _nodes = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _storages = new(StringComparer.Ordinal);

    public ChannelReplicationNodes(IEnumerable<VirtualStorageConfig> virtualStorages, TimeProvider? time = null)
    {
        foreach (var virtualStorage in virtualStorages)
        {
            _storages[virtualStorage.Name] = virtualStorage.Nodes.Select(n => n.Storage).ToList();
            foreach (var node in virtualStorage.Nodes)
            {
                var channel = Open(node.Address, node.Token, time ?? TimeProvider.System);
                _nodes[(virtualStorage.Name, node.Storage)] = (new ReplicationNode(node.Storage, node.Address, node.Token, channel.CreateCallInvoker()), channel);
            }
        }
    }

    public IReadOnlyList<string> VirtualStorages => [.. _storages.Keys];

    public IReadOnlyList<string> Storages(string virtualStorage) =>
        _storages.TryGetValue(virtualStorage, out var storages) ? storages : [];

    public ReplicationNode? Find(string virtualStorage, string storage) =>
        _nodes.TryGetValue((virtualStorage, storage), out var entry) ? entry.Node : null;

    public void Dispose()
    {
        foreach (var (_, channel) in _nodes.Values)
        {
            channel.Dispose();
        }
    }

    private static GrpcChannel Open(string address, string token, TimeProvider time)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        string target;
        if (address.StartsWith("tcp://", StringComparison.Ordinal))
        {
            target = "http://" + address["tcp://".Length..];
        }
        else if (address.StartsWith("tls://", StringComparison.Ordinal))
        {
            target = "https://" + address["tls://".Length..];
        }
        else if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = address["unix:".Length..];
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            };
            target = "http://localhost";
        }
        else
        {
            throw new ArgumentException($"node address '{address}' is not tcp://host:port, tls://host:port or unix:/path", nameof(address));
        }

        return GrpcChannel.ForAddress(target, new GrpcChannelOptions
        {
            HttpHandler = new ReplicationTokenHandler(handler, token, time),
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
    }
}
