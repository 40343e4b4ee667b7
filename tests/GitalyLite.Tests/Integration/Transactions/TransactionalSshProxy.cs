using System.Net;
using Gitaly;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>
/// What praefect does to an SSHReceivePack in a transaction, and nothing else: an in-process h2c
/// server on 127.0.0.1 (port 0) that passes each SSHReceivePack to the node with the node's token and
/// the transaction headers added, so the ssh bridge (<see cref="GitalyBridge"/>) can push through it.
/// </summary>
public sealed class TransactionalSshProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly GrpcChannel channel;

    private TransactionalSshProxy(WebApplication app, GrpcChannel channel, int port)
    {
        this.app = app;
        this.channel = channel;
        Address = $"tcp://127.0.0.1:{port}";
    }

    public string Address { get; }

    public static async Task<TransactionalSshProxy> StartAsync(string nodeAddress, string nodeToken, IReadOnlyDictionary<string, string> headers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var channel = GitalyChannel.Open(nodeAddress);
        builder.Services.AddSingleton(new Forward(new SSHService.SSHServiceClient(channel), () =>
        {
            var metadata = GitalyChannel.AuthHeaders(nodeToken);
            foreach (var (name, value) in headers)
            {
                metadata.Add(name, value);
            }

            return metadata;
        }));
        var app = builder.Build();
        app.MapGrpcService<ForwardingSshService>();
        await app.StartAsync();
        return new TransactionalSshProxy(app, channel, TestPorts.BoundPort(app.Services.GetRequiredService<IServer>()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        channel.Dispose();
    }

    internal sealed record Forward(SSHService.SSHServiceClient Node, Func<Metadata> Headers);

    internal sealed class ForwardingSshService(Forward forward) : SSHService.SSHServiceBase
    {
        public override async Task SSHReceivePack(
            IAsyncStreamReader<SSHReceivePackRequest> requestStream, IServerStreamWriter<SSHReceivePackResponse> responseStream, ServerCallContext context)
        {
            using var call = forward.Node.SSHReceivePack(forward.Headers(), cancellationToken: context.CancellationToken);
            var upload = Task.Run(async () =>
            {
                await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
                {
                    await call.RequestStream.WriteAsync(request, context.CancellationToken);
                }

                await call.RequestStream.CompleteAsync();
            });
            await foreach (var response in call.ResponseStream.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(response, context.CancellationToken);
            }

            // The client (git via the bridge) may keep its side open: its late chunks have nowhere to go.
            _ = upload.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
    }
}
