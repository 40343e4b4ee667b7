namespace Praefect.Server.Nodes.Health;

/// <summary>
/// The health of every node as the health checker sees it. Replication waits for unhealthy
/// targets; distributed reads skip unhealthy nodes; failover only promotes healthy nodes.
/// A node never probed yet counts as healthy.
/// </summary>
internal interface INodeHealth
{
    bool IsHealthy(string virtualStorage, string storage);

    NodeHealthSnapshot Get(string virtualStorage, string storage);

    /// <summary>Raised after a node became healthy or unhealthy (on the checker's thread).</summary>
    event Action<NodeHealthSnapshot>? Changed;
}
