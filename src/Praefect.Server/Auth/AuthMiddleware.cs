using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Auth;
using Praefect.Server.Metrics;
using Praefect.Server.Proxy;

namespace Praefect.Server.Auth;

/// <summary>
/// Gitaly's token check on every call except health checks: a missing or malformed token is
/// Unauthenticated, a wrong or expired one PermissionDenied. With <c>transitioning</c> the check runs
/// and is counted but never rejects; with an empty token there is no check.
/// </summary>
internal sealed class AuthMiddleware(RequestDelegate next, AuthSettings settings, PraefectMetrics metrics, ILogger<AuthMiddleware> logger)
{
    public const string HealthServicePrefix = "/grpc.health.v1.Health/";
    private const string HealthService = "/grpc.health.v1.Health";

    public Task InvokeAsync(HttpContext context)
    {
        var auth = settings.Current;
        if (!auth.Enabled || context.Request.Path.StartsWithSegments(HealthService, StringComparison.Ordinal))
        {
            return next(context);
        }

        var result = GitalyToken.Verify(context.Request.Headers[GitalyToken.HeaderName], auth.Token, DateTimeOffset.UtcNow);
        var status = result.Succeeded ? "ok" : result.IsUnauthenticated ? "unauthenticated" : "denied";
        metrics.Authentication[(auth.Transitioning ? "false" : "true", status)].Inc();
        if (result.Succeeded)
        {
            return next(context);
        }

        var method = context.Request.Path.Value ?? "";
        if (auth.Transitioning)
        {
            AuthLog.Transitioning(logger, method, result.Failure);
            return next(context);
        }

        AuthLog.Rejected(logger, method, result.Failure);
        GrpcStatusWriter.WriteTrailersOnly(context, result.IsUnauthenticated ? StatusCode.Unauthenticated : StatusCode.PermissionDenied, result.Message);
        return Task.CompletedTask;
    }
}
