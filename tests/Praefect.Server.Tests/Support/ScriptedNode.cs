using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Auth;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Support;

/// <summary>
/// An in-process Gitaly-protocol node on a loopback port whose behaviour tests script through the
/// relative path: <c>fail.git</c> answers a trailers-only NotFound, <c>hang.git</c> waits until the
/// call is canceled (recording that the cancellation arrived); everything else succeeds and echoes
/// <c>x-test-echo</c> into a response header and trailers. Used where gitaly-lite cannot be steered
/// (exact headers, trailers, deadlines, cancellation, token changes). Checks praefect's v2 token.
/// </summary>
public sealed class ScriptedNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedNode(WebApplication app, ScriptedNodeState state, int port)
    {
        _app = app;
        State = state;
        Port = port;
    }

    public ScriptedNodeState State { get; }

    public int Port { get; }

    public string Address => $"tcp://127.0.0.1:{Port}";

    public static async Task<ScriptedNode> StartAsync(string storage, string secret)
    {
        var state = new ScriptedNodeState(storage, secret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal))
            {
                return next(context);
            }

            var result = GitalyToken.Verify(context.Request.Headers[GitalyToken.HeaderName], state.Secret, DateTimeOffset.UtcNow);
            if (result.Succeeded && result.Version == "v2")
            {
                return next(context);
            }

            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "7";
            context.Response.Headers["grpc-message"] = "scripted node: wrong token";
            return Task.CompletedTask;
        });
        app.MapGrpcService<ScriptedRepositoryService>();
        app.MapGrpcService<ScriptedSmartHttpService>();
        app.MapGrpcService<ScriptedSshService>();
        app.MapGrpcService<ScriptedServerService>();
        app.MapGrpcService<ScriptedNamespaceService>();
        await app.StartAsync();
        return new ScriptedNode(app, state, TestPorts.BoundPort(app.Services.GetRequiredService<IServer>()));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
