using Gitaly;
using GitalyLite.Bridge;
using GitalyLite.Storage;
using Grpc.Core;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Auth;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Metadata;

namespace GitalyLite.Services;

/// <summary>
/// The RepositoryService methods Gitaly added after 1.37, served with our own messages:
/// <list type="bullet">
/// <item>RemoveRepository: removes the repository; a missing one is no error (as Gitaly 13.2).</item>
/// <item>RenameRepository: moves it to <c>relative_path</c> on the same storage; NotFound when it does not exist,
/// FailedPrecondition when the destination exists.</item>
/// <item>ReplicateRepository: creates the target if missing and makes it a copy of <c>source</c> on another node
/// (reached through the <c>gitaly-servers</c> header): every ref and HEAD (the FetchInternalRemote code), then
/// <c>info/attributes</c>.</item>
/// </list>
/// </summary>
internal sealed class RepositoryLifecycleService(RepositoryLocator locator, StorageRegistry storages, IServiceProvider services) : RepositoryLifecycleServiceBase
{
    public override Task<RemoveRepositoryResponse> RemoveRepository(RemoveRepositoryRequest request, ServerCallContext context)
    {
        var repository = locator.Locate(request.Repository, context);
        if (Directory.Exists(repository.FullPath))
        {
            // Moved aside first, so a reader never sees a half-deleted repository.
            var doomed = repository.FullPath.TrimEnd('/') + "+removed-" + Guid.NewGuid().ToString("N");
            Directory.Move(repository.FullPath, doomed);
            Directory.Delete(doomed, recursive: true);
        }

        return Task.FromResult(new RemoveRepositoryResponse());
    }

    public override Task<RenameRepositoryResponse> RenameRepository(RenameRepositoryRequest request, ServerCallContext context)
    {
        var from = locator.LocateExisting(request.Repository, context);
        if (string.IsNullOrEmpty(request.RelativePath))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "RenameRepository: destination relative path is empty"));
        }

        var to = locator.Locate(new Repository { StorageName = from.StorageName, RelativePath = request.RelativePath }, context, "RelativePath");
        if (Directory.Exists(to.FullPath) || File.Exists(to.FullPath))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "RenameRepository: destination already exists"));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to.FullPath.TrimEnd('/'))!);
        Directory.Move(from.FullPath, to.FullPath);
        return Task.FromResult(new RenameRepositoryResponse());
    }

    public override async Task<ReplicateRepositoryResponse> ReplicateRepository(ReplicateRepositoryRequest request, ServerCallContext context)
    {
        var target = locator.Locate(request.Repository, context);
        var source = request.Source ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "ReplicateRepository: empty Source"));
        if (!GitalyServers.TryDecode(context.RequestHeaders.GetValue(GitalyServers.HeaderName), out var servers, out var error))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"ReplicateRepository: {error}"));
        }

        if (!servers.TryGetValue(source.StorageName, out var sourceNode))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"ReplicateRepository: storage \"{source.StorageName}\" is not in the gitaly-servers metadata"));
        }

        if (!storages.TryGetRoot(target.StorageName, out _))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"GetStorageByName: no such storage: \"{target.StorageName}\""));
        }

        var repositories = ActivatorUtilities.CreateInstance<RepositoryServiceImpl>(services);
        await repositories.CreateRepository(new CreateRepositoryRequest { Repository = request.Repository }, context);

        var remote = ActivatorUtilities.CreateInstance<RemoteServiceImpl>(services);
        var fetch = await remote.FetchInternalRemote(new FetchInternalRemoteRequest { Repository = request.Repository, RemoteRepository = source }, context);
        if (!fetch.Result)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"ReplicateRepository: fetching from \"{source.StorageName}\" failed"));
        }

        var attributes = await ReadSourceAttributesAsync(sourceNode, source, context.CancellationToken);
        InfoAttributes.Write(target, attributes);
        return new ReplicateRepositoryResponse();
    }

    private static async Task<byte[]> ReadSourceAttributesAsync(GitalyServerInfo node, Repository source, CancellationToken cancellationToken)
    {
        if (!GitalyAddress.TryParse(node.Address, out var address, out var error))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"ReplicateRepository: source address {error}"));
        }

        var channel = GitalyChannels.Open(address);

        using (channel)
        {
            var headers = new Metadata();
            if (node.Token.Length > 0)
            {
                headers.Add(GitalyToken.HeaderName, GitalyToken.CreateV2(node.Token, DateTimeOffset.UtcNow));
            }

            using var call = new RepositoryService.RepositoryServiceClient(channel).GetInfoAttributes(
                new GetInfoAttributesRequest { Repository = source }, headers, DateTime.UtcNow.AddSeconds(30), cancellationToken);
            using var content = new MemoryStream();
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                chunk.Attributes.WriteTo(content);
            }

            return content.ToArray();
        }
    }
}
