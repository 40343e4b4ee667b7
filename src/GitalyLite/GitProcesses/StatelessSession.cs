using Google.Protobuf;
using Grpc.Core;

namespace GitalyLite.GitProcesses;

/// <summary>
/// One smart-HTTP round (<c>--stateless-rpc</c>): request data to git's stdin, git's stdout back as
/// data messages; a non-zero exit becomes Unavailable with git's stderr, as in Gitaly.
/// </summary>
internal static class StatelessSession
{
    public static async Task RunAsync<TRequest, TResponse>(
        string rpc, GitProcess git, ByteString firstData, IAsyncStreamReader<TRequest> requests, Func<TRequest, ByteString> dataOf,
        IServerStreamWriter<TResponse> responses, Func<ByteString, TResponse> make, CancellationToken cancellationToken)
    {
        using var feedCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feed = GitStream.FeedAsync(git.Stdin, firstData, requests, dataOf, feedCancellation.Token);
        var stderr = GitStream.ReadBoundedAsync(git.Stderr, 4096, cancellationToken);
        await GitStream.DrainAsync(git.Stdout, chunk => responses.WriteAsync(make(chunk), cancellationToken), cancellationToken);
        await git.WaitForExitAsync(cancellationToken);
        // The client may keep its side open after git is done; its late chunks have nowhere to go.
        await GitStream.StopFeedAsync(feed, feedCancellation);
        if (git.ExitCode != 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"{rpc}: git exited with {git.ExitCode}: {await stderr}"));
        }
    }

    /// <summary>The advertisement of <c>--advertise-refs</c>, preceded by Gitaly's <c># service=...</c> pkt-line and a flush.</summary>
    public static async Task AdvertiseAsync<TResponse>(
        string rpc, string service, GitProcess git, IServerStreamWriter<TResponse> responses, Func<ByteString, TResponse> make, CancellationToken cancellationToken)
    {
        git.Stdin.Close();
        var stderr = GitStream.ReadBoundedAsync(git.Stderr, 4096, cancellationToken);
        var header = $"# service={service}\n";
        await responses.WriteAsync(make(ByteString.CopyFromUtf8($"{header.Length + 4:x4}{header}0000")), cancellationToken);
        await GitStream.DrainAsync(git.Stdout, chunk => responses.WriteAsync(make(chunk), cancellationToken), cancellationToken);
        await git.WaitForExitAsync(cancellationToken);
        if (git.ExitCode != 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"{rpc}: git exited with {git.ExitCode}: {await stderr}"));
        }
    }
}
