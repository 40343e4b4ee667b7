using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Auth;

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

    public static Metadata Headers(NodeConfig node)
    {
        var headers = new Metadata();
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
