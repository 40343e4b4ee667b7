using Microsoft.AspNetCore.Http;

namespace Praefect.Server.Proxy;

/// <summary>
/// The boundary of every call: an exception that escapes the pipeline (a bug, or a failure nothing
/// else expected) becomes gRPC status Internal instead of a bare stream reset, logged once with the
/// call's fields and counted in <c>gitaly_praefect_proxy_errors_total</c> (<see cref="ProxyErrorReporter.ReportUnhandled"/>).
/// A call the client abandoned is not an error: its exception is dropped.
/// </summary>
internal sealed class CallBoundaryMiddleware(RequestDelegate next, ProxyErrorReporter reporter)
{
    public Task InvokeAsync(HttpContext context)
    {
        Task call;
        try
        {
            call = next(context);
        }
        catch (Exception e)
        {
            call = Task.FromException(e);
        }

        return call.IsCompletedSuccessfully ? Task.CompletedTask : AwaitAsync(call, context);
    }

    private async Task AwaitAsync(Task call, HttpContext context)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested)
        {
            reporter.Report(context, ProxyError.RequestBodyClient, "the client went away: " + e.Message);
        }
        catch (Exception e)
        {
            reporter.ReportUnhandled(context, e);
        }
    }
}
