namespace Praefect.Server.Nodes.Health;

/// <summary>A node's health at one moment.</summary>
/// <param name="UnhealthySince">When it became unhealthy; null while healthy.</param>
/// <param name="LastCheck">When it was last probed; null before the first probe.</param>
/// <param name="LastError">Why the last probe failed (e.g. the node refuses praefect's token); null when it passed.</param>
internal sealed record NodeHealthSnapshot(
    string VirtualStorage,
    string Storage,
    bool Healthy,
    DateTimeOffset? UnhealthySince,
    DateTimeOffset? LastCheck,
    string? LastError = null);
