using Google.Protobuf;
using Grpc.Core;

namespace GitalyLite.GitProcesses;

/// <summary>The three ways an SSH-style response carries data: stdout, stderr, and the final exit status.</summary>
internal sealed record SshResponses<TResponse>(
    Func<ByteString, TResponse> Stdout, Func<ByteString, TResponse> Stderr, Func<int, TResponse> ExitStatus);

/// <summary>
/// One full-duplex git session (SSHUploadPack, SSHReceivePack): request stdin chunks go to git,
/// git's stdout and stderr come back as they are produced, then the exit status message.
/// </summary>
internal static class SshSession
{
    public static async Task RunAsync<TRequest, TResponse>(
        GitProcess git, ByteString firstStdin, IAsyncStreamReader<TRequest> requests, Func<TRequest, ByteString> stdinOf,
        IServerStreamWriter<TResponse> responses, SshResponses<TResponse> make, CancellationToken cancellationToken)
    {
        var writer = new SerializedWriter<TResponse>(responses);
        using var feedCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feed = GitStream.FeedAsync(git.Stdin, firstStdin, requests, stdinOf, feedCancellation.Token);
        var stdout = GitStream.DrainAsync(git.Stdout, chunk => writer.WriteAsync(make.Stdout(chunk), cancellationToken), cancellationToken);
        var stderr = GitStream.DrainAsync(git.Stderr, chunk => writer.WriteAsync(make.Stderr(chunk), cancellationToken), cancellationToken);
        await Task.WhenAll(stdout, stderr);
        await git.WaitForExitAsync(cancellationToken);
        await writer.WriteAsync(make.ExitStatus(git.ExitCode), cancellationToken);

        // The client may keep its side open after git is done; its late chunks have nowhere to go.
        await GitStream.StopFeedAsync(feed, feedCancellation);
    }
}
