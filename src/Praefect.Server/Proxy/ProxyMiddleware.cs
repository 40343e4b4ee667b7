using Microsoft.AspNetCore.Http;
using Praefect.Server.Registry;

namespace Praefect.Server.Proxy;

/// <summary>
/// Sends every Gitaly method of the merged registry (learned from the nodes, compiled as the fallback) to the forwarder, except the few praefect answers
/// itself (ServerInfo, RefTransaction's votes), which continue to the gRPC endpoints like health and unknown methods.
/// </summary>
internal sealed class ProxyMiddleware(RequestDelegate next, GrpcForwarder forwarder, IOperationLookup registry)
{
    /// <summary>Methods praefect answers itself instead of forwarding.</summary>
    public static readonly IReadOnlySet<string> AnsweredLocally = new HashSet<string>(StringComparer.Ordinal)
    {
        "/gitaly.ServerService/ServerInfo",
        Transactions.RefTransactionService.VoteMethod,
    };

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && registry.TryGet(path, out var operation) && !AnsweredLocally.Contains(path))
        {
            return forwarder.ForwardAsync(context, operation);
        }

        return next(context);
    }
}
