using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Replication;

/// <summary>
/// <see cref="IReplicationNodes"/> over the host's pooled node connections (whose invokers already
/// carry each node's token) and its health checker; follows reloads because it reads the current
/// snapshot on every call.
/// </summary>
internal sealed class NodeConnectionsReplicationNodes(INodeConnections connections, INodeHealth? health = null) : IReplicationNodes
{
    public IReadOnlyList<string> VirtualStorages => [.. connections.Current.VirtualStorages.Select(v => v.Name)];

    public IReadOnlyList<string> Storages(string virtualStorage) =>
        connections.Current.TryGet(virtualStorage, out var nodes) ? [.. nodes.Nodes.Select(n => n.Storage)] : [];

    public ReplicationNode? Find(string virtualStorage, string storage) =>
        connections.Current.TryGet(virtualStorage, out var nodes) && nodes.Find(storage) is { } node
            ? new ReplicationNode(node.Storage, node.Address.ToString(), node.Token, node.CallInvoker)
            : null;

    public bool IsHealthy(string virtualStorage, string storage) => health?.IsHealthy(virtualStorage, storage) ?? true;
}
