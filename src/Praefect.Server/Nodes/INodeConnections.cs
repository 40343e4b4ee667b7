namespace Praefect.Server.Nodes;

/// <summary>
/// The node connections of this praefect, for the proxy and for the replicator. <see cref="Current"/>
/// is a snapshot; take it once per operation. Hold <see cref="NodeConnection.Acquire"/> while a call
/// runs so a reload cannot dispose the connection under it.
/// </summary>
internal interface INodeConnections
{
    NodeSet Current { get; }

    /// <summary>Raised after a reload swapped <see cref="Current"/>.</summary>
    event Action<NodeSet>? Changed;
}
