using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Praefect.Server.Proxy;

/// <summary>
/// Copies the request as is (no X-Forwarded-* headers), except the Host header: the node is
/// addressed by its own name (TLS nodes need it for SNI). The node token is set by the node's handler.
/// </summary>
internal sealed class NodeRequestTransformer : HttpTransformer
{
    public static readonly NodeRequestTransformer Instance = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        proxyRequest.Headers.Host = null;
    }
}
