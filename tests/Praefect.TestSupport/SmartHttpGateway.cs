using System.IO.Compression;
using System.Net;
using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Praefect.TestSupport;

/// <summary>
/// A tiny in-process workhorse: serves git's smart HTTP protocol on loopback and turns each request
/// into the SmartHTTPService RPCs of a Gitaly-protocol address (a node or praefect), so real
/// <c>git clone http://...</c> and <c>git push</c> exercise those RPCs. URL path = relative path.
/// </summary>
public sealed class SmartHttpGateway : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly WebApplication app;
    private readonly GrpcChannel channel;

    private SmartHttpGateway(WebApplication app, GrpcChannel channel, int port)
    {
        this.app = app;
        this.channel = channel;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The clone/push URL of <paramref name="relativePath"/>.</summary>
    public string UrlFor(string relativePath) => $"http://127.0.0.1:{Port}/{relativePath}";

    /// <summary>Starts a gateway to <paramref name="gitalyAddress"/>; every call carries the auth token and <paramref name="extraHeaders"/> (e.g. transaction metadata).</summary>
    public static async Task<SmartHttpGateway> StartAsync(string gitalyAddress, string storageName, string token, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var channel = GitalyChannel.Open(gitalyAddress);
        var client = new SmartHTTPService.SmartHTTPServiceClient(channel);
        Metadata Headers()
        {
            var headers = GitalyChannel.AuthHeaders(token);
            foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
            {
                headers.Add(name, value);
            }

            return headers;
        }

        app.MapGet("/{**path}", context => InfoRefsAsync(context, client, storageName, Headers()));
        app.MapPost("/{**path}", context => PostAsync(context, client, storageName, Headers()));
        await app.StartAsync();
        return new SmartHttpGateway(app, channel, TestPorts.BoundPort(app.Services.GetRequiredService<IServer>()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        channel.Dispose();
    }

    private static async Task InfoRefsAsync(HttpContext context, SmartHTTPService.SmartHTTPServiceClient client, string storage, Metadata headers)
    {
        var path = context.Request.Path.Value ?? "";
        var service = context.Request.Query["service"].ToString();
        if (!path.EndsWith("/info/refs", StringComparison.Ordinal) || service is not ("git-upload-pack" or "git-receive-pack"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = new InfoRefsRequest { Repository = Repository(storage, path[1..^"/info/refs".Length]), GitProtocol = GitProtocol(context) };
        using var call = service == "git-upload-pack" ? client.InfoRefsUploadPack(request, headers) : client.InfoRefsReceivePack(request, headers);
        context.Response.ContentType = $"application/x-{service}-advertisement";
        context.Response.Headers.CacheControl = "no-cache";
        await CopyResponsesAsync(context, call.ResponseStream, r => r.Data);
    }

    private static async Task PostAsync(HttpContext context, SmartHTTPService.SmartHTTPServiceClient client, string storage, Metadata headers)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/git-upload-pack", StringComparison.Ordinal))
        {
            var repository = Repository(storage, path[1..^"/git-upload-pack".Length]);
            using var call = client.PostUploadPack(headers);
            await call.RequestStream.WriteAsync(new PostUploadPackRequest { Repository = repository, GitProtocol = GitProtocol(context) });
            await RelayAsync(context, "git-upload-pack", call.RequestStream, data => new PostUploadPackRequest { Data = data }, call.ResponseStream, r => r.Data);
        }
        else if (path.EndsWith("/git-receive-pack", StringComparison.Ordinal))
        {
            var repository = Repository(storage, path[1..^"/git-receive-pack".Length]);
            using var call = client.PostReceivePack(headers);
            await call.RequestStream.WriteAsync(new PostReceivePackRequest { Repository = repository, GitProtocol = GitProtocol(context), GlId = "user-1", GlRepository = "project-1" });
            await RelayAsync(context, "git-receive-pack", call.RequestStream, data => new PostReceivePackRequest { Data = data }, call.ResponseStream, r => r.Data);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static async Task RelayAsync<TRequest, TResponse>(
        HttpContext context, string service, IClientStreamWriter<TRequest> requests, Func<ByteString, TRequest> chunk,
        IAsyncStreamReader<TResponse> responses, Func<TResponse, ByteString> dataOf)
    {
        var upload = SendBodyAsync(context.Request, requests, chunk);
        context.Response.ContentType = $"application/x-{service}-result";
        context.Response.Headers.CacheControl = "no-cache";
        await CopyResponsesAsync(context, responses, dataOf);
        await upload;
    }

    private static async Task SendBodyAsync<TRequest>(HttpRequest request, IClientStreamWriter<TRequest> requests, Func<ByteString, TRequest> chunk)
    {
        // git gzips large request bodies.
        await using var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            await requests.WriteAsync(chunk(ByteString.CopyFrom(buffer, 0, read)));
        }

        await requests.CompleteAsync();
    }

    private static async Task CopyResponsesAsync<TResponse>(HttpContext context, IAsyncStreamReader<TResponse> responses, Func<TResponse, ByteString> dataOf)
    {
        try
        {
            await foreach (var response in responses.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.Body.WriteAsync(dataOf(response).Memory, context.RequestAborted);
            }
        }
        catch (RpcException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = e.StatusCode switch
            {
                StatusCode.NotFound => StatusCodes.Status404NotFound,
                StatusCode.PermissionDenied or StatusCode.Unauthenticated => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status500InternalServerError,
            };
            await context.Response.WriteAsync($"{e.StatusCode}: {e.Status.Detail}\n");
        }
    }

    private static Repository Repository(string storage, string relativePath) => new() { StorageName = storage, RelativePath = relativePath };

    private static string GitProtocol(HttpContext context) => context.Request.Headers["Git-Protocol"].ToString();
}
