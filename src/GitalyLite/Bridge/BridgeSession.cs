using Gitaly;
using Google.Protobuf;
using Grpc.Core;

namespace GitalyLite.Bridge;

/// <summary>Client side of one SSH-style call: our stdin to request chunks, response chunks to our stdout/stderr.</summary>
internal static class BridgeSession
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<int> RunAsync<TRequest, TResponse>(
        AsyncDuplexStreamingCall<TRequest, TResponse> call, TRequest first, Func<ByteString, TRequest> stdinChunk,
        Func<TResponse, (ByteString Stdout, ByteString Stderr, ExitStatus? Exit)> read)
    {
        using (call)
        {
            try
            {
                await call.RequestStream.WriteAsync(first);
            }
            catch (RpcException)
            {
                // The server may already have answered (an auth failure is a trailers-only response that
                // resets the stream): the write then fails with Cancelled, while the response below carries
                // the real status. Read that instead of reporting the write's.
            }

            var feed = Task.Run(() => FeedStdinAsync(call.RequestStream, stdinChunk));

            await using var stdout = Console.OpenStandardOutput();
            await using var stderr = Console.OpenStandardError();
            var exitCode = -1;
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                var (outChunk, errChunk, exit) = read(response);
                if (!outChunk.IsEmpty)
                {
                    await stdout.WriteAsync(outChunk.Memory);
                    await stdout.FlushAsync();
                }

                if (!errChunk.IsEmpty)
                {
                    await stderr.WriteAsync(errChunk.Memory);
                }

                if (exit is not null)
                {
                    exitCode = exit.Value;
                }
            }

            // git may keep our stdin open after the remote side is done: do not wait for it.
            _ = feed.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            return exitCode < 0 ? 1 : exitCode;
        }
    }

    private static async Task FeedStdinAsync<TRequest>(IClientStreamWriter<TRequest> requests, Func<ByteString, TRequest> stdinChunk)
    {
        await using var stdin = Console.OpenStandardInput();
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await stdin.ReadAsync(buffer)) > 0)
        {
            await requests.WriteAsync(stdinChunk(ByteString.CopyFrom(buffer, 0, read)));
        }

        await requests.CompleteAsync();
    }
}
