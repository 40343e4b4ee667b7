using Microsoft.AspNetCore.Http;

namespace Praefect.Server.Proxy;

/// <summary>The fallback endpoint: any method that is neither forwarded nor served here is Unimplemented, naming it.</summary>
internal static class UnknownMethodEndpoint
{
    public static Task HandleAsync(HttpContext context)
    {
        var reporter = context.RequestServices.GetRequiredService<ProxyErrorReporter>();
        reporter.Report(context, ProxyError.MethodClient, $"unknown method {context.Request.Path.Value}: praefect does not serve or forward it");
        return Task.CompletedTask;
    }
}
