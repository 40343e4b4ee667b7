using Gitaly;
using GitalyLite.Bridge;
using GitalyLite.GitProcesses;
using GitalyLite.Logging;
using GitalyLite.Storage;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Metadata;

namespace GitalyLite.Services;

/// <summary>
/// RemoteService/FetchInternalRemote: mirrors every ref of a repository on another node into ours
/// (pruning refs the source no longer has, and following its HEAD), reaching that node through
/// our own ssh bridge with the address and token from the <c>gitaly-servers</c> metadata.
/// A failed fetch answers <c>result = false</c>, as Gitaly does.
/// </summary>
internal sealed class RemoteServiceImpl(RepositoryLocator locator, ILogger<RemoteServiceImpl> logger) : RemoteService.RemoteServiceBase
{
    private const string InternalUrl = "ssh://gitaly/internal.git";

    public override async Task<FetchInternalRemoteResponse> FetchInternalRemote(FetchInternalRemoteRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var remote = request.RemoteRepository ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "empty RemoteRepository"));
        if (!GitalyServers.TryDecode(context.RequestHeaders.GetValue(GitalyServers.HeaderName), out var servers, out var error))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"FetchInternalRemote: {error}"));
        }

        if (!servers.TryGetValue(remote.StorageName, out var source))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"FetchInternalRemote: storage \"{remote.StorageName}\" is not in the gitaly-servers metadata"));
        }

        var environment = BridgeEnvironment(source, remote);
        var fetch = await GitCommand.InRepositoryAsync(
            repository.FullPath, ["fetch", "--quiet", "--prune", "--no-write-fetch-head", InternalUrl, "+refs/*:refs/*"],
            context.CancellationToken, environment);
        if (!fetch.Succeeded)
        {
            Log.GitFailed(logger, "fetch", repository.Display, fetch.ExitCode, fetch.Stderr.Trim());
            return new FetchInternalRemoteResponse { Result = false };
        }

        await FollowRemoteHeadAsync(repository, environment, context.CancellationToken);
        return new FetchInternalRemoteResponse { Result = true };
    }

    // A bare fetch never moves HEAD; the checksum includes HEAD, so copy where the source's HEAD points.
    private async Task FollowRemoteHeadAsync(RepositoryLocation repository, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var lsRemote = await GitCommand.InRepositoryAsync(repository.FullPath, ["ls-remote", "--symref", InternalUrl, "HEAD"], cancellationToken, environment);
        var symref = lsRemote.Lines.FirstOrDefault(line => line.StartsWith("ref: ", StringComparison.Ordinal) && line.EndsWith("\tHEAD", StringComparison.Ordinal));
        if (!lsRemote.Succeeded || symref is null)
        {
            return;
        }

        var target = symref["ref: ".Length..^"\tHEAD".Length];
        var result = await GitCommand.InRepositoryAsync(repository.FullPath, ["symbolic-ref", "HEAD", target], cancellationToken);
        if (!result.Succeeded)
        {
            Log.GitFailed(logger, "symbolic-ref", repository.Display, result.ExitCode, result.Stderr.Trim());
        }
    }

    private static Dictionary<string, string> BridgeEnvironment(GitalyServerInfo source, Repository remote) => new()
    {
        ["GIT_SSH_COMMAND"] = BridgeCommand.ForThisExecutable("upload-pack"),
        ["GIT_SSH_VARIANT"] = "simple",
        ["GITALY_ADDRESS"] = source.Address,
        ["GITALY_TOKEN"] = source.Token,
        ["GITALY_PAYLOAD"] = JsonFormatter.Default.Format(new SSHUploadPackRequest
        {
            Repository = new Repository { StorageName = remote.StorageName, RelativePath = remote.RelativePath },
        }),
    };
}
