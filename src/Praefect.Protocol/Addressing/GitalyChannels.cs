using System.Net.Sockets;
using Grpc.Net.Client;

namespace Praefect.Protocol.Addressing;

/// <summary>
/// The one place that turns a <see cref="GitalyAddress"/> into HTTP handlers and gRPC channels:
/// tcp (h2c), tls (h2 over TLS) and unix sockets (h2c through <see cref="ConnectUnixSocketAsync"/>).
/// </summary>
public static class GitalyChannels
{
    /// <summary>
    /// Makes <paramref name="handler"/> (a new one with the system proxy off when null) reach
    /// <paramref name="address"/>: for a unix socket it connects to the socket file whatever host the URI names.
    /// </summary>
    public static SocketsHttpHandler Handler(GitalyAddress address, SocketsHttpHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler { UseProxy = false };
        if (address.IsUnixSocket)
        {
            var path = address.SocketPath;
            handler.ConnectCallback = (_, cancellationToken) => ConnectUnixSocketAsync(path, cancellationToken);
        }

        return handler;
    }

    /// <summary>A channel to <paramref name="address"/> through <paramref name="handler"/> (default <see cref="Handler"/>), without message size limits.</summary>
    public static GrpcChannel Open(GitalyAddress address, HttpMessageHandler? handler = null) =>
        GrpcChannel.ForAddress(address.DialUri, new GrpcChannelOptions
        {
            HttpHandler = handler ?? Handler(address),
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });

    /// <summary>Parses <paramref name="address"/> and opens a channel to it; throws <see cref="ArgumentException"/> with the parser's message when it is not an address.</summary>
    public static GrpcChannel Open(string address) =>
        GitalyAddress.TryParse(address, out var parsed, out var error) ? Open(parsed) : throw new ArgumentException(error, nameof(address));

    /// <summary>Connects a stream socket to the unix socket at <paramref name="path"/>; the socket is closed when the connect fails.</summary>
    public static async ValueTask<Stream> ConnectUnixSocketAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
