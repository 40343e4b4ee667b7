using Google.Protobuf.WellKnownTypes;
using GitalyLite.Storage;
using Grpc.Core;
using Praefect.Protocol.Gitaly13;

namespace GitalyLite.Services;

/// <summary>
/// <c>gitaly.InternalGitaly</c>: WalkRepos streams every repository of the storage (<see cref="RepositoryWalker"/>)
/// with its directory's modification time; InvalidArgument for a storage the node does not have.
/// </summary>
internal sealed class InternalGitalyService(StorageRegistry storages) : InternalGitalyServiceBase
{
    public override async Task WalkRepos(WalkReposRequest request, IServerStreamWriter<WalkReposResponse> responseStream, ServerCallContext context)
    {
        if (!storages.TryGetRoot(request.StorageName, out var root))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"GetStorageByName: no such storage: \"{request.StorageName}\""));
        }

        foreach (var (relativePath, modified) in RepositoryWalker.Walk(root, context.CancellationToken))
        {
            await responseStream.WriteAsync(new WalkReposResponse { RelativePath = relativePath, ModificationTime = Timestamp.FromDateTime(modified) }, context.CancellationToken);
        }
    }
}
