using Gitaly;
using GitalyLite.Fetch;
using GitalyLite.GitProcesses;
using GitalyLite.Logging;
using GitalyLite.Storage;
using GitalyLite.Transactions;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Praefect.Protocol.Metadata;

namespace GitalyLite.Services;

/// <summary>
/// RemoteService/FetchInternalRemote: mirrors every ref of a repository on another node into ours
/// (pruning refs the source no longer has, and following its HEAD), reaching that node with the
/// address and token from the <c>gitaly-servers</c> metadata through the in-process
/// <see cref="UploadPackRelay"/>: one native <c>git fetch</c> and no helper process per copy. A source
/// that cannot be reached answers Unavailable with the source's error (so the replicator waits instead
/// of counting an attempt); a fetch that fails otherwise answers <c>result = false</c>, as Gitaly does.
/// In a reference transaction the fetch's ref updates are voted on; a vote that does not commit fails the call.
/// </summary>
internal sealed class RemoteServiceImpl(RepositoryLocator locator, UploadPackRelay relay, VoteRelay votes, ILogger<RemoteServiceImpl> logger) : RemoteService.RemoteServiceBase
{
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

        using var transaction = votes.Begin("FetchInternalRemote", request.Repository, context);
        using var session = relay.Register(source, new Repository { StorageName = remote.StorageName, RelativePath = remote.RelativePath });
        var fetch = await GitCommand.InRepositoryAsync(
            repository.FullPath, ["-c", "protocol.version=0", "fetch", "--quiet", "--prune", "--no-write-fetch-head", session.Url, "+refs/*:refs/*"],
            context.CancellationToken, votes: transaction);
        if (session.SourceError is { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded } sourceError)
        {
            throw new RpcException(new Status(sourceError.StatusCode,
                $"FetchInternalRemote: fetching from \"{remote.StorageName}\" at {source.Address}: {sourceError.StatusCode}: {sourceError.Status.Detail}"));
        }

        if (!fetch.Succeeded && transaction?.FailureException() is { } aborted)
        {
            throw aborted;
        }

        if (!fetch.Succeeded)
        {
            var sourceSaid = session.SourceError is { } other ? $"{other.StatusCode}: {other.Status.Detail}" : session.Stderr.Trim();
            Log.GitFailed(logger, "fetch", repository.Display, fetch.ExitCode, (fetch.Stderr.Trim() + " " + sourceSaid).Trim());
            return new FetchInternalRemoteResponse { Result = false };
        }

        await FollowRemoteHeadAsync(repository, session.HeadTarget, context.CancellationToken);
        return new FetchInternalRemoteResponse { Result = true };
    }

    // A bare fetch never moves HEAD; the checksum includes HEAD, so point it where the source's HEAD
    // points (read from the source's ref advertisement during the fetch: no ls-remote).
    private async Task FollowRemoteHeadAsync(RepositoryLocation repository, string? target, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(target) || !target.StartsWith("refs/", StringComparison.Ordinal))
        {
            return;
        }

        var head = Path.Combine(repository.FullPath, "HEAD");
        if (File.Exists(head) && (await File.ReadAllTextAsync(head, cancellationToken)).Trim() == "ref: " + target)
        {
            return; // Already there: no process at all.
        }

        var result = await GitCommand.InRepositoryAsync(repository.FullPath, ["symbolic-ref", "HEAD", target], cancellationToken);
        if (!result.Succeeded)
        {
            Log.GitFailed(logger, "symbolic-ref", repository.Display, result.ExitCode, result.Stderr.Trim());
        }
    }
}
