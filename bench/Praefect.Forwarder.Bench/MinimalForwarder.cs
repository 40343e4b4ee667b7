using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Praefect.Forwarder.Bench;

/// <summary>
/// A unary gRPC forwarder on Kestrel with none of praefect's work (no auth, routing, rewrite, log or metrics):
/// "yarp" forwards with YARP over SocketsHttpHandler as praefect does, "raw" with <see cref="RawHttp2Connection"/>.
/// The client's authorization header passes through, so the node checks the client's token.
/// </summary>
internal static class MinimalForwarder
{
    public static async Task RunAsync(string mode, int port, int nodePort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var node = $"127.0.0.1:{nodePort.ToString(CultureInfo.InvariantCulture)}";
        if (mode == "yarp")
        {
            var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
            using var invoker = new HttpMessageInvoker(new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                ActivityHeadersPropagator = null,
            });
            var config = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            app.Run(async context => await forwarder.SendAsync(context, $"http://{node}", invoker, config, HttpTransformer.Empty).ConfigureAwait(false));
            await app.RunAsync().ConfigureAwait(false);
            return;
        }

        var connection = await RawHttp2Connection.ConnectAsync(new IPEndPoint(IPAddress.Loopback, nodePort), node).ConfigureAwait(false);
        app.Run(context => ForwardRawAsync(context, connection));
        await app.RunAsync().ConfigureAwait(false);
    }

    private static async Task ForwardRawAsync(HttpContext context, RawHttp2Connection connection)
    {
        // The whole unary request (one message, then the client's end of stream) before anything goes to the node.
        var reader = context.Request.BodyReader;
        ReadResult read;
        while (!(read = await reader.ReadAsync().ConfigureAwait(false)).IsCompleted)
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var length = (int)read.Buffer.Length;
        var body = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        read.Buffer.CopyTo(body);
        reader.AdvanceTo(read.Buffer.End);
        RawHttp2Response response;
        try
        {
            response = await connection.SendAsync(context.Request.Path.Value ?? "/", context.Request.Headers.Authorization.ToString(), body.AsMemory(0, length)).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/grpc";
        if (response.Data.Length > 0)
        {
            await context.Response.BodyWriter.WriteAsync(response.Data).ConfigureAwait(false);
        }

        foreach (var (name, value) in response.Trailers)
        {
            context.Response.AppendTrailer(name, value);
        }
    }
}
