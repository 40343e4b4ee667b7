using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Auth;
using Praefect.Protocol.Transactions;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>
/// praefect's voting side, faked in-process: <c>gitaly.RefTransaction/VoteTransaction</c> on
/// 127.0.0.1 (port 0, h2c) that records every vote and answers as <see cref="Answer"/> says.
/// </summary>
public sealed class FakeVotingServer : IAsyncDisposable
{
    public const string PraefectToken = "praefect-secret";
    private readonly WebApplication app;
    private readonly VoteBook book;

    private FakeVotingServer(WebApplication app, VoteBook book, int port)
    {
        this.app = app;
        this.book = book;
        Port = port;
    }

    public int Port { get; }

    public VoteAnswer Answer { get => book.Answer; set => book.Answer = value; }

    public ConcurrentQueue<RecordedVote> Votes => book.Votes;

    /// <summary>The <c>gitaly-praefect-server</c> header naming this server, with <paramref name="listenHost"/> as the host (empty: unspecified).</summary>
    public PraefectServer Server(string listenHost = "127.0.0.1") => new($"{listenHost}:{Port}", "", "", PraefectToken);

    public static async Task<FakeVotingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var book = new VoteBook();
        builder.Services.AddSingleton(book);
        var app = builder.Build();
        app.MapGrpcService<VotingService>();
        await app.StartAsync();
        return new FakeVotingServer(app, book, TestPorts.BoundPort(app.Services.GetRequiredService<IServer>()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal sealed class VoteBook
    {
        public VoteAnswer Answer { get; set; } = VoteAnswer.Commit;

        public ConcurrentQueue<RecordedVote> Votes { get; } = new();
    }

    internal sealed class VotingService(VoteBook server) : RefTransaction.RefTransactionBase
    {
        public override async Task<VoteTransactionResponse> VoteTransaction(VoteTransactionRequest request, ServerCallContext context)
        {
            var token = context.RequestHeaders.GetValue(GitalyToken.HeaderName);
            server.Votes.Enqueue(new RecordedVote(request, GitalyToken.Verify(token, PraefectToken, DateTimeOffset.UtcNow).Succeeded));
            if (server.Answer == VoteAnswer.Never)
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }

            return new VoteTransactionResponse
            {
                State = server.Answer == VoteAnswer.Commit
                    ? VoteTransactionResponse.Types.TransactionState.Commit
                    : VoteTransactionResponse.Types.TransactionState.Abort,
            };
        }
    }
}
