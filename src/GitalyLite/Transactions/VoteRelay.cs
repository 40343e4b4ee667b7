using GitalyLite.Hosting;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gitaly;
using GitalyLite.Configuration;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Auth;
using Praefect.Protocol.Transactions;

namespace GitalyLite.Transactions;

/// <summary>
/// Casts the votes of transactional calls for git's reference-transaction hook, so that a hook costs
/// one bash start and no managed-runtime start: the hook (<see cref="HookScript"/>) connects to this
/// listener on 127.0.0.1 (ephemeral port, started on first use), names its call's session by a random
/// key from its environment and sends its stdin; gitaly-lite calls praefect's
/// <c>gitaly.RefTransaction/VoteTransaction</c> over a pooled channel with a fresh v2 token from the
/// <c>gitaly-praefect-server</c> header, bounded by the node's vote timeout, and answers
/// <c>commit</c> or <c>abort: reason</c>. Unknown keys, malformed requests and failed votes abort.
/// </summary>
internal sealed class VoteRelay(NodeOptions options, ILogger<VoteRelay> logger) : IAsyncDisposable
{
    /// <summary>The most reference-update bytes one hook may send (about 500,000 ref updates).</summary>
    internal const int MaxUpdateBytes = 64 * 1024 * 1024;

    // The hook writes its whole request at once; waiting longer means it is gone or not ours.
    private static readonly TimeSpan RequestReadTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, VoteSession> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GrpcChannel> channels = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock startLock = new();
    private TcpListener? listener;
    private string? hooksDirectory;

    /// <summary>
    /// A vote session when the call carries the transaction headers, else null (the call runs git as
    /// without transactions). Bad headers fail the call with InvalidArgument. Dispose it when the call ends.
    /// </summary>
    public VoteSession? Begin(string rpc, Repository repository, ServerCallContext context)
    {
        var headers = TransactionHeaders.Read(rpc, context);
        if (headers is null)
        {
            return null;
        }

        var (port, directory) = EnsureListening();
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var session = new VoteSession(this, key, rpc, repository, headers, port, directory, options.VoteTimeout, context.CancellationToken);
        sessions[key] = session;
        return session;
    }

    internal void Unregister(string key) => sessions.TryRemove(key, out _);

    /// <summary>How many calls have a live vote session (for tests: every session ends with its call).</summary>
    internal int OpenSessions => sessions.Count;

    /// <summary>One vote for <paramref name="session"/>: SHA-1 of <paramref name="updates"/>; true for COMMIT, else the session's Failure says why.</summary>
    internal async Task<bool> VoteAsync(VoteSession session, ReadOnlyMemory<byte> updates)
    {
        var transaction = session.Headers.Transaction;
        var praefect = session.Headers.Praefect;
        var request = new VoteTransactionRequest
        {
            Repository = session.Repository,
            TransactionId = transaction.Id,
            Node = transaction.Node,
            ReferenceUpdatesHash = Google.Protobuf.ByteString.CopyFrom(SHA1.HashData(updates.Span)),
        };
        var metadata = new Metadata();
        if (!string.IsNullOrEmpty(session.Headers.Server.Token))
        {
            metadata.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(session.Headers.Server.Token, DateTimeOffset.UtcNow));
        }

        var started = Stopwatch.GetTimestamp();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(session.CallAborted, stopping.Token);
        try
        {
            var channel = channels.GetOrAdd(praefect.ToString(), _ => GitalyChannels.Open(praefect));
            var response = await new RefTransaction.RefTransactionClient(channel).VoteTransactionAsync(
                request, metadata, DateTime.UtcNow.Add(session.Timeout), cancel.Token);
            var committed = response.State == VoteTransactionResponse.Types.TransactionState.Commit;
            TransactionLog.VoteCast(logger, transaction.Id, transaction.Node, session.Rpc, committed ? "commit" : "abort",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!committed)
            {
                session.Failure = new Status(StatusCode.Aborted, $"reference transaction {transaction.Id} was aborted by praefect (voted as \"{transaction.Node}\")");
            }

            return committed;
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or HttpRequestException)
        {
            session.Failure = e switch
            {
                RpcException { StatusCode: StatusCode.DeadlineExceeded } => new Status(StatusCode.DeadlineExceeded,
                    $"no answer to the vote on reference transaction {transaction.Id} from praefect at {praefect} within {session.Timeout.TotalSeconds:0.###} s; the update was aborted"),
                RpcException rpc when !session.CallAborted.IsCancellationRequested => new Status(rpc.StatusCode == StatusCode.Cancelled ? StatusCode.Unavailable : rpc.StatusCode,
                    $"the vote on reference transaction {transaction.Id} at praefect {praefect} failed: {rpc.StatusCode}: {rpc.Status.Detail}; the update was aborted"),
                _ => new Status(StatusCode.Cancelled, $"the call ended during the vote on reference transaction {transaction.Id}; the update was aborted"),
            };
            TransactionLog.VoteFailed(logger, transaction.Id, transaction.Node, session.Rpc, praefect.ToString(), session.Failure.Value.Detail);
            return false;
        }
    }

    private (int Port, string Directory) EnsureListening()
    {
        lock (startLock)
        {
            if (listener is null)
            {
                hooksDirectory = HookScript.Install();
                var started = new TcpListener(IPAddress.Loopback, 0);
                started.Start();
                listener = started;
                _ = Task.Run(() => AcceptLoopAsync(started));
            }

            return (((IPEndPoint)listener.LocalEndpoint).Port, hooksDirectory!);
        }
    }

    private Task AcceptLoopAsync(TcpListener accepting) => LoopbackAcceptLoop.RunAsync(accepting, ServeHookAsync, stopping.Token);

    /// <summary>One hook: "KEY\n", "LENGTH\n", LENGTH bytes of reference updates; answers one line.</summary>
    private async Task ServeHookAsync(Socket socket)
    {
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            ReadOnlyMemory<byte> updates;
            VoteSession? session;
            using (var reading = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
            {
                reading.CancelAfter(RequestReadTimeout);
                var key = await ReadLineAsync(stream, 64, reading.Token);
                var lengthText = await ReadLineAsync(stream, 12, reading.Token);
                if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaxUpdateBytes)
                {
                    TransactionLog.HookRefused(logger, $"bad length line (at most {MaxUpdateBytes} bytes of updates)");
                    await AnswerAsync(stream, "abort: gitaly-lite could not read the reference updates");
                    return;
                }

                var buffer = new byte[length];
                await stream.ReadExactlyAsync(buffer, reading.Token);
                updates = buffer;
                session = key is not null && sessions.TryGetValue(key, out var found) ? found : null;
            }

            if (session is null)
            {
                TransactionLog.HookRefused(logger, "unknown vote session (its call has ended, or the hook is not ours)");
                await AnswerAsync(stream, "abort: no vote session for this reference transaction");
                return;
            }

            var committed = await session.VoteAsync(updates);
            await AnswerAsync(stream, committed ? "commit" : "abort: " + session.Failure?.Detail);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or EndOfStreamException)
        {
            // The hook went away or sent too little: git aborts the update on its side.
        }
    }

    private static async Task AnswerAsync(NetworkStream stream, string answer) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(answer.ReplaceLineEndings(" ") + "\n"));

    /// <summary>One line of at most <paramref name="limit"/> bytes (without its '\n'), or null when it is longer.</summary>
    private static async Task<string?> ReadLineAsync(NetworkStream stream, int limit, CancellationToken cancellationToken)
    {
        var line = new byte[limit];
        var one = new byte[1];
        for (var length = 0; length <= limit; length++)
        {
            await stream.ReadExactlyAsync(one, cancellationToken);
            if (one[0] == (byte)'\n')
            {
                return Encoding.ASCII.GetString(line, 0, length);
            }

            if (length < limit)
            {
                line[length] = one[0];
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener?.Stop();
        foreach (var channel in channels.Values)
        {
            channel.Dispose();
        }

        if (hooksDirectory is not null)
        {
            try
            {
                Directory.Delete(hooksDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp directory: harmless, no secret in it.
            }
        }

        stopping.Dispose();
    }
}
