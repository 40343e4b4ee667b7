using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Auth;
using Praefect.Protocol.Metadata;

namespace Praefect.Subcommands.Nodes;

/// <summary>gRPC channels to the storage nodes named in the runtime config, and their auth headers.</summary>
internal sealed class NodeClients : IDisposable
{
    private readonly Dictionary<string, GrpcChannel> _channels = [];

    public CallInvoker Invoker(NodeConfig node)
    {
        if (!_channels.TryGetValue(node.Address, out var channel))
        {
            channel = _channels[node.Address] = Open(node.Address);
        }

        return channel.CreateCallInvoker();
    }

    /// <summary>The node's auth token and a correlation id (<paramref name="correlationId"/>, or a new one), as praefect's own calls carry them.</summary>
    public static Metadata Headers(NodeConfig node, string? correlationId = null)
    {
        var headers = new Metadata { { CorrelationId.HeaderName, correlationId ?? CorrelationId.New() } };
        if (node.Token.Length > 0)
        {
            headers.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(node.Token, DateTimeOffset.UtcNow));
        }

        return headers;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    // The runtime config was validated when it was loaded, so the address parses.
    private static GrpcChannel Open(string address) => GitalyChannels.Open(address);
}
