using System.Security.Cryptography;
using Gitaly;
using Grpc.Core;

namespace Praefect.Server.Tests.Support;

internal sealed class ScriptedRepositoryService(ScriptedNodeState state) : RepositoryService.RepositoryServiceBase
{
    public override async Task<RepositoryExistsResponse> RepositoryExists(RepositoryExistsRequest request, ServerCallContext context)
    {
        await ScriptedCalls.BeginAsync(state, context, request.Repository);
        return new RepositoryExistsResponse { Exists = true };
    }

    // Client streaming: counts and hashes every data byte, so tests can check big uploads arrive intact.
    public override async Task<CreateRepositoryFromBundleResponse> CreateRepositoryFromBundle(IAsyncStreamReader<CreateRepositoryFromBundleRequest> requestStream, ServerCallContext context)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        var first = true;
        while (await requestStream.MoveNext())
        {
            var message = requestStream.Current;
            if (first)
            {
                await ScriptedCalls.BeginAsync(state, context, message.Repository);
                first = false;
            }

            hash.AppendData(message.Data.Span);
            bytes += message.Data.Length;
        }

        state.LastUpload = (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
        return new CreateRepositoryFromBundleResponse();
    }
}
