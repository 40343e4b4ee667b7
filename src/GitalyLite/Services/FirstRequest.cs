using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>Reads the first message of a client stream, which carries the repository.</summary>
internal static class FirstRequest
{
    public static async Task<T> ReadAsync<T>(IAsyncStreamReader<T> requests, ServerCallContext context)
    {
        if (!await requests.MoveNext(context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "empty request stream: the first message must carry the repository"));
        }

        return requests.Current;
    }
}
