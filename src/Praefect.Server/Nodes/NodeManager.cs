using Praefect.Configuration.Runtime;
using Praefect.Protocol.Addressing;
using Praefect.Server.Configuration;

namespace Praefect.Server.Nodes;

/// <summary>
/// Builds the <see cref="NodeSet"/> from the runtime config and rebuilds it on reload: a node whose
/// address is unchanged keeps its connection (only its token is updated); removed or moved nodes
/// are retired and disposed once their last call ends.
/// </summary>
internal sealed partial class NodeManager : INodeConnections, IDisposable
{
    private readonly Lock _gate = new();
    private volatile NodeSet _current = new([]);
    private Dictionary<(string VirtualStorage, string Storage), NodeConnection> _connections = [];

    public NodeManager(RuntimeConfig config) => Apply(config);

    public NodeSet Current => _current;

    public event Action<NodeSet>? Changed;

    /// <summary>Applies a validated config. Returns a short description of what changed (no secrets).</summary>
    public string Apply(RuntimeConfig config)
    {
        NodeSet next;
        var changes = new List<string>();
        lock (_gate)
        {
            var connections = new Dictionary<(string, string), NodeConnection>();
            var storages = new List<VirtualStorageNodes>();
            foreach (var vs in config.VirtualStorages)
            {
                var nodes = new List<NodeConnection>();
                NodeConnection? primary = null;
                foreach (var node in vs.Nodes)
                {
                    GitalyAddress.TryParse(node.Address, out var address, out _);
                    var key = (vs.Name, node.Storage);
                    if (_connections.TryGetValue(key, out var existing) && existing.Address == address)
                    {
                        if (existing.Token != node.Token)
                        {
                            existing.Token = node.Token;
                            changes.Add($"token of '{vs.Name}/{node.Storage}' changed");
                        }
                    }
                    else
                    {
                        existing = new NodeConnection(node.Storage, address, node.Token);
                        changes.Add($"node '{vs.Name}/{node.Storage}' at {address} connected");
                    }

                    connections[key] = existing;
                    nodes.Add(existing);
                    if (node.Primary)
                    {
                        primary = existing;
                    }
                }

                storages.Add(new VirtualStorageNodes(vs.Name, primary ?? nodes[0], nodes));
            }

            foreach (var (key, old) in _connections)
            {
                if (!connections.TryGetValue(key, out var kept) || !ReferenceEquals(kept, old))
                {
                    old.Retire();
                    changes.Add($"node '{key.VirtualStorage}/{key.Storage}' at {old.Address} retired");
                }
            }

            var previous = _current;
            _connections = connections;
            next = new NodeSet(WithRecordedPrimaries(storages));
            foreach (var vs in next.VirtualStorages)
            {
                if (previous.TryGet(vs.Name, out var before) && before.Primary.Storage != vs.Primary.Storage)
                {
                    changes.Add($"primary of '{vs.Name}' is now '{vs.Primary.Storage}'");
                }
            }

            _current = next;
        }

        Changed?.Invoke(next);
        return changes.Count == 0 ? "no node changes" : string.Join("; ", changes);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var connection in _connections.Values)
            {
                connection.Dispose();
            }

            _connections = [];
        }
    }
}
