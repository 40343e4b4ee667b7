using Praefect.Server.Nodes;

namespace Praefect.Server.Routing;

/// <summary>
/// Where one call goes. <see cref="Target"/> receives the call through the forwarder with
/// <see cref="Message"/> as its first message; for a server-scoped mutator, <see cref="FanOut"/>
/// lists the other nodes with their own rewritten copy of the message.
/// </summary>
internal sealed record RouteDecision(
    VirtualStorageNodes? VirtualStorage,
    NodeConnection Target,
    byte[] Message,
    string? RelativePath,
    IReadOnlyList<(NodeConnection Node, byte[] Message)> FanOut)
{
    public static readonly IReadOnlyList<(NodeConnection, byte[])> NoFanOut = [];
}
