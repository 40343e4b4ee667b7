using System.Net;
using System.Net.Sockets;
using Praefect.Server.Configuration;

namespace Praefect.Server.Nodes;

/// <summary>The one <see cref="SocketsHttpHandler"/> per node: HTTP/2 connections pooled for the process lifetime.</summary>
internal static class NodeHttpHandlerFactory
{
    public static SocketsHttpHandler Create(NodeAddress address)
    {
        var handler = new SocketsHttpHandler
        {
            // A node allows 100 streams per connection; open more connections instead of queueing.
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            // Big fetches and pushes: a larger initial stream window avoids a slow start.
            InitialHttp2StreamWindowSize = 4 * 1024 * 1024,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };

        if (address.IsUnixSocket)
        {
            var endPoint = new UnixDomainSocketEndPoint(address.SocketPath);
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }
}
