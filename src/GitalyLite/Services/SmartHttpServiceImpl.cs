using Gitaly;
using GitalyLite.GitProcesses;
using GitalyLite.Storage;
using GitalyLite.Transactions;
using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>
/// SmartHTTPService: the four RPCs behind git's smart HTTP protocol (info/refs and the two POSTs).
/// A PostReceivePack that praefect runs as a reference transaction votes on each ref transaction (<see cref="VoteRelay"/>).
/// </summary>
internal sealed class SmartHttpServiceImpl(RepositoryLocator locator, VoteRelay votes) : SmartHTTPService.SmartHTTPServiceBase
{
    public override Task InfoRefsUploadPack(InfoRefsRequest request, IServerStreamWriter<InfoRefsResponse> responseStream, ServerCallContext context) =>
        AdvertiseAsync("InfoRefsUploadPack", "upload-pack", request, responseStream, context);

    public override Task InfoRefsReceivePack(InfoRefsRequest request, IServerStreamWriter<InfoRefsResponse> responseStream, ServerCallContext context) =>
        AdvertiseAsync("InfoRefsReceivePack", "receive-pack", request, responseStream, context);

    public override async Task PostUploadPack(
        IAsyncStreamReader<PostUploadPackRequest> requestStream, IServerStreamWriter<PostUploadPackResponse> responseStream, ServerCallContext context)
    {
        var first = await FirstRequest.ReadAsync(requestStream, context);
        var repository = locator.LocateExisting(first.Repository, context);
        using var git = GitInvocation.StartPack("upload-pack", ["--stateless-rpc"], repository.FullPath, first.GitConfigOptions, first.GitProtocol);
        await StatelessSession.RunAsync("PostUploadPack", git, first.Data, requestStream, r => r.Data,
            responseStream, data => new PostUploadPackResponse { Data = data }, context.CancellationToken);
    }

    public override async Task PostReceivePack(
        IAsyncStreamReader<PostReceivePackRequest> requestStream, IServerStreamWriter<PostReceivePackResponse> responseStream, ServerCallContext context)
    {
        var first = await FirstRequest.ReadAsync(requestStream, context);
        var repository = locator.LocateExisting(first.Repository, context);
        using var session = votes.Begin("PostReceivePack", first.Repository, context);
        using var git = GitInvocation.StartPack("receive-pack", ["--stateless-rpc"], repository.FullPath, first.GitConfigOptions, first.GitProtocol, session);
        try
        {
            await StatelessSession.RunAsync("PostReceivePack", git, first.Data, requestStream, r => r.Data,
                responseStream, data => new PostReceivePackResponse { Data = data }, context.CancellationToken);
        }
        catch (RpcException) when (session?.FailureException() is { } aborted)
        {
            throw aborted; // git died because a vote did not commit: say so rather than "git exited with 128".
        }
    }

    private async Task AdvertiseAsync(
        string rpc, string command, InfoRefsRequest request, IServerStreamWriter<InfoRefsResponse> responseStream, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        using var git = GitInvocation.StartPack(command, ["--stateless-rpc", "--advertise-refs"], repository.FullPath, request.GitConfigOptions, request.GitProtocol);
        await StatelessSession.AdvertiseAsync(rpc, "git-" + command, git, responseStream, data => new InfoRefsResponse { Data = data }, context.CancellationToken);
    }
}
