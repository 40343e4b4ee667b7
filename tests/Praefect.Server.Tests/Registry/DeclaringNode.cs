using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Reflection;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Registry;

/// <summary>
/// An in-process node on a loopback port that declares a given set of protocol files through gRPC
/// server reflection and answers every other unary call from a table (path -> response message),
/// recording the first request message of each call. Unknown paths answer Unimplemented.
/// Health is served and SERVING. No token check (praefect's token handling is tested elsewhere).
/// </summary>
internal sealed class DeclaringNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DeclaringNode(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"tcp://127.0.0.1:{Port}";

    /// <summary>Every call seen (health and reflection excluded): its path and its first request message.</summary>
    public ConcurrentQueue<(string Path, byte[] Message)> Calls { get; } = new();

    public static async Task<DeclaringNode> StartAsync(DescriptorCatalog declared, IReadOnlyDictionary<string, byte[]> answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.IgnoreUnknownServices = true);
        var health = new HealthServiceImpl();
        health.SetStatus("", Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        builder.Services.AddSingleton(health);
        builder.Services.AddSingleton(new ReflectionServer(() => declared));
        var app = builder.Build();
        DeclaringNode? node = null;
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcService<ReflectionServer>();
        app.MapFallback(async context =>
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var bytes = body.ToArray();
            var message = bytes.Length >= 5 ? bytes[5..(5 + (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4)))] : [];
            var path = context.Request.Path.Value ?? "";
            node!.Calls.Enqueue((path, message));
            context.Response.ContentType = "application/grpc";
            if (!answers.TryGetValue(path, out var answer))
            {
                context.Response.AppendTrailer("grpc-status", "12");
                context.Response.AppendTrailer("grpc-message", "declaring node: not answered");
                await context.Response.StartAsync();
                return;
            }

            var frame = new byte[5 + answer.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)answer.Length);
            answer.CopyTo(frame, 5);
            await context.Response.Body.WriteAsync(frame);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        node = new DeclaringNode(app, TestPorts.BoundPort(app.Services.GetRequiredService<IServer>()));
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
