namespace GitalyLite.Hosting;

/// <summary>Answers any call no service handles with gRPC status Unimplemented naming the method.</summary>
internal static class UnknownMethod
{
    private const string Unimplemented = "12";

    public static async Task HandleAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", Unimplemented);
        context.Response.AppendTrailer("grpc-message", Uri.EscapeDataString($"method {context.Request.Path} is not implemented by gitaly-lite"));
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
