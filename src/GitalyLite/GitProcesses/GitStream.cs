using Google.Protobuf;
using Grpc.Core;

namespace GitalyLite.GitProcesses;

/// <summary>
/// Chunked copying between gRPC streams and git's pipes. Nothing is buffered beyond one chunk,
/// so packs of any size pass through in constant memory.
/// </summary>
internal static class GitStream
{
    public const int ChunkSize = 64 * 1024;

    /// <summary>Writes the first chunk and then every request's chunk into git's stdin; closes it when the client half-closes.</summary>
    public static async Task FeedAsync<TRequest>(
        Stream stdin, ByteString firstChunk, IAsyncStreamReader<TRequest> requests,
        Func<TRequest, ByteString> chunkOf, CancellationToken cancellationToken)
    {
        try
        {
            if (!firstChunk.IsEmpty)
            {
                await stdin.WriteAsync(firstChunk.Memory, cancellationToken);
            }

            while (await requests.MoveNext(cancellationToken))
            {
                var chunk = chunkOf(requests.Current);
                if (!chunk.IsEmpty)
                {
                    await stdin.WriteAsync(chunk.Memory, cancellationToken);
                }
            }

            await stdin.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // git closed its stdin (it is done or failed): its exit status tells the story.
        }
        finally
        {
            try
            {
                stdin.Close();
            }
            catch (IOException)
            {
                // Broken pipe on close: same as above.
            }
        }
    }

    /// <summary>Copies a git output pipe into messages until EOF.</summary>
    public static async Task DrainAsync(Stream source, Func<ByteString, Task> write, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await write(ByteString.CopyFrom(buffer, 0, read));
        }
    }

    /// <summary>Reads a pipe to its end keeping at most <paramref name="limit"/> bytes (for error messages).</summary>
    public static async Task<string> ReadBoundedAsync(Stream source, int limit, CancellationToken cancellationToken)
    {
        var kept = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var room = limit - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(buffer, 0, Math.Min(room, read));
            }
        }

        return System.Text.Encoding.UTF8.GetString(kept.ToArray()).Trim();
    }

    /// <summary>
    /// Ends the stdin pump once git is done: the client may keep its side open, and a read left
    /// pending on the request stream after the handler returns breaks the next call on the same
    /// HTTP/2 connection ("Reading is already in progress"). So cancel the pump and wait for it.
    /// </summary>
    public static async Task StopFeedAsync(Task feed, CancellationTokenSource feedCancellation)
    {
        await feedCancellation.CancelAsync();
        try
        {
            await feed;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or RpcException or ObjectDisposedException or InvalidOperationException)
        {
            // The pump was stopped on purpose, or git closed its stdin first: nothing was left to deliver.
        }
    }
}
