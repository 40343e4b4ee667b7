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
            // 256 KiB, not the 4 MiB this once was: the window is what a node may send ahead of what praefect has passed on
            // to the client, held in praefect's memory per stream (4 InfoRefs of 1.5 MB in flight: peak resident memory
            // 135 -> 124 MB, docs/benchmarks.md). SocketsHttpHandler grows a stream's window itself (up to 16 MiB) where the
            // link's bandwidth-delay product needs it, so big fetches over a slow link are not capped by this start.
            InitialHttp2StreamWindowSize = 256 * 1024,
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
