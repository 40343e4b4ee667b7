using System.Net;
using Praefect.Protocol.Addressing;

namespace Praefect.Server.Nodes;

/// <summary>The one <see cref="SocketsHttpHandler"/> per node: HTTP/2 connections pooled for the process lifetime.</summary>
internal static class NodeHttpHandlerFactory
{
    public static SocketsHttpHandler Create(GitalyAddress address)
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

        return GitalyChannels.Handler(address, handler);
    }
}
