using GitalyLite.Hosting;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gitaly;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Auth;
using Praefect.Protocol.Metadata;

namespace GitalyLite.Fetch;

/// <summary>
/// Lets a local <c>git fetch</c> reach another node without starting any helper process: a git://
/// listener on 127.0.0.1 (ephemeral port) inside gitaly-lite relays each connection to the source
/// node's SSHUploadPack over a pooled gRPC channel. A connection names its session by a random key
/// in the URL path; unknown keys are refused, and a session lives only for its fetch. Protocol v0 is
/// used so that the first advertised line carries the source's HEAD (<c>symref=HEAD:...</c>).
/// </summary>
internal sealed class UploadPackRelay(ILogger<UploadPackRelay> logger) : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxStderr = 8 * 1024;

    private readonly ConcurrentDictionary<string, UploadPackRelaySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private TcpListener? _listener;

    /// <summary>A session for one fetch from <paramref name="repository"/> on <paramref name="source"/>; dispose it when the fetch ended.</summary>
    public UploadPackRelaySession Register(GitalyServerInfo source, Repository repository)
    {
        var port = EnsureListening();
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var session = new UploadPackRelaySession(this, key, source, repository, $"git://127.0.0.1:{port}/{key}");
        _sessions[key] = session;
        return session;
    }

    internal void Unregister(string key) => _sessions.TryRemove(key, out _);

    private int EnsureListening()
    {
        lock (_startLock)
        {
            if (_listener is null)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                _listener = listener;
                _ = Task.Run(() => AcceptLoopAsync(listener));
            }

            return ((IPEndPoint)_listener.LocalEndpoint).Port;
        }
    }

    private Task AcceptLoopAsync(TcpListener listener) => LoopbackAcceptLoop.RunAsync(listener, ServeAsync, _stopping.Token);

    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        UploadPackRelaySession? session = null;
        try
        {
            var request = await ReadRequestLineAsync(stream, _stopping.Token);
            session = ParseKey(request) is { } key && _sessions.TryGetValue(key, out var found) ? found : null;
            if (session is null)
            {
                return; // Not one of ours: close without a word.
            }

            await RelayAsync(session, stream);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The git client went away; git reports it on its side.
        }
        catch (RpcException e)
        {
            if (session is not null)
            {
                session.SourceError = e;
            }
        }
        catch (Exception e)
        {
            FetchLog.RelayFailed(logger, session?.Source.Address ?? "?", e);
        }
    }

    private async Task RelayAsync(UploadPackRelaySession session, NetworkStream stream)
    {
        var channel = _channels.GetOrAdd(session.Source.Address, Open);
        var headers = new Metadata();
        if (session.Source.Token.Length > 0)
        {
            headers.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(session.Source.Token, DateTimeOffset.UtcNow));
        }

        using var call = new SSHService.SSHServiceClient(channel).SSHUploadPack(headers, cancellationToken: _stopping.Token);
        try
        {
            await call.RequestStream.WriteAsync(new SSHUploadPackRequest { Repository = session.Repository });
        }
        catch (RpcException)
        {
            // The source may have answered already (e.g. a trailers-only error): the response carries its real status.
        }

        var feed = FeedAsync(stream, call.RequestStream);
        var advertisement = new List<byte>();
        var stderr = new StringBuilder();
        await foreach (var response in call.ResponseStream.ReadAllAsync(_stopping.Token))
        {
            if (!response.Stdout.IsEmpty)
            {
                if (session.HeadTarget is null && advertisement.Count < ChunkSize)
                {
                    advertisement.AddRange(response.Stdout.Span);
                    session.HeadTarget = HeadFromAdvertisement(advertisement);
                }

                await stream.WriteAsync(response.Stdout.Memory, _stopping.Token);
            }

            if (!response.Stderr.IsEmpty && stderr.Length < MaxStderr)
            {
                stderr.Append(response.Stderr.ToStringUtf8());
            }
        }

        session.Stderr = stderr.ToString();
        _ = feed.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // git may keep its side open.
    }

    private static async Task FeedAsync(NetworkStream stream, IClientStreamWriter<SSHUploadPackRequest> requests)
    {
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            await requests.WriteAsync(new SSHUploadPackRequest { Stdin = ByteString.CopyFrom(buffer, 0, read) });
        }

        await requests.CompleteAsync();
    }

    private static GrpcChannel Open(string address) =>
        Praefect.Protocol.Addressing.GitalyAddress.TryParse(address, out var parsed, out var error)
            ? Praefect.Protocol.Addressing.GitalyChannels.Open(parsed)
            : throw new RpcException(new Status(StatusCode.InvalidArgument, error));

    /// <summary>The git:// request: one pkt-line "git-upload-pack /KEY\0host=...\0".</summary>
    private static async Task<string> ReadRequestLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var length = Convert.ToInt32(Encoding.ASCII.GetString(header), 16);
        if (length < 4 || length > 65520)
        {
            throw new IOException("bad pkt-line length");
        }

        var line = new byte[length - 4];
        await stream.ReadExactlyAsync(line, cancellationToken);
        return Encoding.UTF8.GetString(line);
    }

    private static string? ParseKey(string request)
    {
        const string prefix = "git-upload-pack /";
        var end = request.IndexOf('\0');
        var command = end >= 0 ? request[..end] : request.TrimEnd('\n');
        return command.StartsWith(prefix, StringComparison.Ordinal) ? command[prefix.Length..] : null;
    }

    /// <summary>"symref=HEAD:refs/heads/main" from the capabilities of the first advertised line, once it is complete.</summary>
    internal static string? HeadFromAdvertisement(List<byte> advertisement)
    {
        if (advertisement.Count < 4)
        {
            return null;
        }

        int length;
        try
        {
            length = Convert.ToInt32(Encoding.ASCII.GetString([.. advertisement.GetRange(0, 4)]), 16);
        }
        catch (FormatException)
        {
            return "";
        }

        if (length < 4 || advertisement.Count < length)
        {
            return length < 4 ? "" : null;
        }

        var line = Encoding.UTF8.GetString([.. advertisement.GetRange(4, length - 4)]);
        var capabilities = line.IndexOf('\0') is var nul && nul >= 0 ? line[(nul + 1)..] : "";
        var symref = capabilities.Split(' ', '\n').FirstOrDefault(c => c.StartsWith("symref=HEAD:", StringComparison.Ordinal));
        return symref is null ? "" : symref["symref=HEAD:".Length..];
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _stopping.Dispose();
    }
}
