using System.Net.Sockets;
using Grpc.Net.Client;

namespace Praefect.Ctl.Commands.DialNodes;

/// <summary>A gRPC channel to a node address: <c>tcp://host:port</c>, <c>tls://host:port</c> or <c>unix:/path</c>.</summary>
internal static class NodeChannel
{
    public static GrpcChannel Open(string address)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
        string target;
        if (address.StartsWith("tcp://", StringComparison.Ordinal))
        {
            target = "http://" + address["tcp://".Length..];
        }
        else if (address.StartsWith("tls://", StringComparison.Ordinal))
        {
            target = "https://" + address["tls://".Length..];
        }
        else if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var endPoint = new UnixDomainSocketEndPoint(address["unix:".Length..]);
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(endPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            target = "http://localhost";
        }
        else
        {
            handler.Dispose();
            throw new ArgumentException($"address '{address}' is not tcp://host:port, tls://host:port or unix:/path");
        }

        return GrpcChannel.ForAddress(target, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
