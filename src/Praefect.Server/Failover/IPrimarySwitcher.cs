namespace Praefect.Server.Failover;

/// <summary>Applies a recorded primary to the routing snapshot (implemented by the node manager).</summary>
internal interface IPrimarySwitcher
{
    /// <summary>Makes <paramref name="storage"/> the primary of <paramref name="virtualStorage"/> for routing, now and after reloads. False when it is not configured.</summary>
    bool SetPrimary(string virtualStorage, string storage);
}
