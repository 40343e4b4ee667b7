using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Praefect.Protocol.Auth;

namespace Praefect.TestSupport;

/// <summary>gRPC channels and auth headers for Gitaly-protocol addresses (<c>tcp://host:port</c>, <c>unix:/path</c>).</summary>
public static class GitalyChannel
{
    public static GrpcChannel Open(string address)
    {
        if (address.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return GrpcChannel.ForAddress("http://" + address["tcp://".Length..], Options(new SocketsHttpHandler()));
        }

        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = address["unix:".Length..];
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            return GrpcChannel.ForAddress("http://localhost", Options(handler));
        }

        throw new ArgumentException($"address '{address}' is neither tcp://HOST:PORT nor unix:/PATH", nameof(address));
    }

    /// <summary>Request headers carrying a fresh v2 token for <paramref name="token"/> (none when it is empty).</summary>
    public static Metadata AuthHeaders(string token)
    {
        var headers = new Metadata();
        if (token.Length > 0)
        {
            headers.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(token, DateTimeOffset.UtcNow));
        }

        return headers;
    }

    private static GrpcChannelOptions Options(SocketsHttpHandler handler) => new()
    {
        HttpHandler = handler,
        MaxReceiveMessageSize = null,
        MaxSendMessageSize = null,
    };
}
