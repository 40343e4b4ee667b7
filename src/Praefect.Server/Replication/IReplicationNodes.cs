namespace Praefect.Server.Replication;

/// <summary>
/// The nodes the replicator talks to: the host's pooled node connections
/// (<see cref="NodeConnectionsReplicationNodes"/>), or a fake in unit tests.
/// </summary>
internal interface IReplicationNodes
{
    /// <summary>The configured virtual storages.</summary>
    IReadOnlyList<string> VirtualStorages { get; }

    /// <summary>The storages of a virtual storage, in config order (empty when unknown).</summary>
    IReadOnlyList<string> Storages(string virtualStorage);

    /// <summary>A node of a virtual storage, or null when it is not configured (any more).</summary>
    ReplicationNode? Find(string virtualStorage, string storage);

    /// <summary>False when the health checker sees the node as unhealthy (it is then not used as a source).</summary>
    bool IsHealthy(string virtualStorage, string storage);
}
