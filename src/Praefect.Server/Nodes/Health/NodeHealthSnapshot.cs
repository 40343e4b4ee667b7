namespace Praefect.Server.Nodes.Health;

/// <summary>A node's health at one moment.</summary>
/// <param name="UnhealthySince">When it became unhealthy; null while healthy.</param>
/// <param name="LastCheck">When it was last probed; null before the first probe.</param>
public sealed record NodeHealthSnapshot(
    string VirtualStorage,
    string Storage,
    bool Healthy,
    DateTimeOffset? UnhealthySince,
    DateTimeOffset? LastCheck);
