using Microsoft.AspNetCore.Http;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Proxy;

/// <summary>
/// Sends every Gitaly method of the registry to the forwarder, except the few praefect answers
/// itself (ServerInfo), which continue to the gRPC endpoints like health and unknown methods.
/// </summary>
internal sealed class ProxyMiddleware(RequestDelegate next, GrpcForwarder forwarder)
{
    /// <summary>Methods praefect answers itself instead of forwarding.</summary>
    public static readonly IReadOnlySet<string> AnsweredLocally = new HashSet<string>(StringComparer.Ordinal)
    {
        "/gitaly.ServerService/ServerInfo",
    };

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && OperationRegistry.Gitaly.TryGet(path, out var operation) && !AnsweredLocally.Contains(path))
        {
            return forwarder.ForwardAsync(context, operation);
        }

        return next(context);
    }
}
