using GitalyLite.Configuration;
using GitalyLite.Logging;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Auth;

namespace GitalyLite.Auth;

/// <summary>
/// Gitaly's token check on every call: missing or malformed token -> Unauthenticated, wrong or
/// expired -> PermissionDenied. With <c>transitioning</c> failures are logged but let through.
/// An empty configured token disables the check. Health checks are never authenticated, so
/// probes work without the secret. With several <c>authorization</c> values the first is checked;
/// a <c>gitaly-praefect-server</c> header (sent by the Go Praefect) is accepted and not needed.
/// </summary>
internal sealed class AuthInterceptor(NodeOptions options, TimeProvider clock, ILogger<AuthInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        if (options.Token.Length == 0 || context.Method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal))
        {
            return;
        }

        // Like grpc-go middleware's AuthFromMD (real Gitaly): the first authorization value counts, the rest
        // are ignored (the Go Praefect forwards the client's token and adds its own).
        // A proxy or client library may also join them into one comma-separated field; tokens hold no commas.
        var token = context.RequestHeaders.FirstOrDefault(h => h.Key == GitalyToken.HeaderName)?.Value?.Split(',')[0].Trim();
        var result = GitalyToken.Verify(token, options.Token, clock.GetUtcNow());
        if (result.Succeeded)
        {
            return;
        }

        Log.AuthFailed(logger, context.Method, result.Failure.ToString(), options.Transitioning);
        if (!options.Transitioning)
        {
            var code = result.IsUnauthenticated ? StatusCode.Unauthenticated : StatusCode.PermissionDenied;
            throw new RpcException(new Status(code, result.Message));
        }
    }
}
