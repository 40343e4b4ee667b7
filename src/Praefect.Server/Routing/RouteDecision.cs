using Praefect.Server.Nodes;

namespace Praefect.Server.Routing;

/// <summary>
/// Where one call goes. <see cref="Target"/> receives the call through the forwarder with
/// <see cref="Message"/> as its first message; for a server-scoped mutator, <see cref="FanOut"/>
/// lists the other nodes with their own rewritten copy of the message. When <see cref="Rented"/> is set,
/// <see cref="Message"/> lives in that buffer from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which
/// whoever sends the message last returns (<see cref="Proxy.ReplayedRequestStream"/>).
/// </summary>
internal sealed record RouteDecision(
    VirtualStorageNodes? VirtualStorage,
    NodeConnection Target,
    ReadOnlyMemory<byte> Message,
    string? RelativePath,
    IReadOnlyList<(NodeConnection Node, byte[] Message)> FanOut,
    byte[]? Rented = null)
{
    public static readonly IReadOnlyList<(NodeConnection, byte[])> NoFanOut = [];
}
