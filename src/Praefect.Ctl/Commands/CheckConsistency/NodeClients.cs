using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Auth;

namespace Praefect.Ctl.Commands.CheckConsistency;

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

    private static GrpcChannel Open(string address)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        string target;
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = address["unix:".Length..];
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            };
            target = "http://localhost";
        }
        else
        {
            target = address.StartsWith("tls://", StringComparison.Ordinal) ? "https://" + address["tls://".Length..] : "http://" + address.Replace("tcp://", "", StringComparison.Ordinal);
        }

        return GrpcChannel.ForAddress(target, new GrpcChannelOptions { HttpHandler = handler });
    }
}
