using System.Net.Sockets;
using Grpc.Net.Client;

namespace GitalyLite.Bridge;

/// <summary>Opens an h2c gRPC channel to a Gitaly address: <c>tcp://host:port</c> or <c>unix:/path</c>.</summary>
internal static class GitalyAddress
{
    public static bool TryOpenChannel(string address, out GrpcChannel channel, out string error)
    {
        channel = null!;
        if (address.StartsWith("tcp://", StringComparison.Ordinal) && address.Length > "tcp://".Length)
        {
            channel = GrpcChannel.ForAddress("http://" + address["tcp://".Length..], Options(new SocketsHttpHandler()));
            error = "";
            return true;
        }

        if (address.StartsWith("unix:", StringComparison.Ordinal) && address.Length > "unix:".Length)
        {
            var path = address["unix:".Length..];
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            channel = GrpcChannel.ForAddress("http://localhost", Options(handler));
            error = "";
            return true;
        }

        error = $"address '{address}' is neither tcp://HOST:PORT nor unix:/PATH";
        return false;
    }

    private static GrpcChannelOptions Options(SocketsHttpHandler handler) => new()
    {
        HttpHandler = handler,
        MaxReceiveMessageSize = null,
        MaxSendMessageSize = null,
    };
}
