using Gitaly;
using GitalyLite.GitProcesses;
using GitalyLite.Storage;
using GitalyLite.Transactions;
using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>
/// SSHService: full-duplex <c>git upload-pack</c> / <c>git receive-pack</c> sessions (what gitaly-ssh talks to).
/// A receive-pack that praefect runs as a reference transaction votes on each ref transaction (<see cref="VoteRelay"/>).
/// </summary>
internal sealed class SshServiceImpl(RepositoryLocator locator, VoteRelay votes) : SSHService.SSHServiceBase
{
    private static readonly SshResponses<SSHUploadPackResponse> UploadPackResponses = new(
        stdout => new SSHUploadPackResponse { Stdout = stdout },
        stderr => new SSHUploadPackResponse { Stderr = stderr },
        code => new SSHUploadPackResponse { ExitStatus = new ExitStatus { Value = code } });

    private static readonly SshResponses<SSHReceivePackResponse> ReceivePackResponses = new(
        stdout => new SSHReceivePackResponse { Stdout = stdout },
        stderr => new SSHReceivePackResponse { Stderr = stderr },
        code => new SSHReceivePackResponse { ExitStatus = new ExitStatus { Value = code } });

    public override async Task SSHUploadPack(
        IAsyncStreamReader<SSHUploadPackRequest> requestStream, IServerStreamWriter<SSHUploadPackResponse> responseStream, ServerCallContext context)
    {
        var first = await FirstRequest.ReadAsync(requestStream, context);
        var repository = locator.LocateExisting(first.Repository, context);
        using var git = GitInvocation.StartPack("upload-pack", [], repository.FullPath, first.GitConfigOptions, first.GitProtocol);
        await SshSession.RunAsync(git, first.Stdin, requestStream, r => r.Stdin, responseStream, UploadPackResponses, context.CancellationToken);
    }

    public override async Task SSHReceivePack(
        IAsyncStreamReader<SSHReceivePackRequest> requestStream, IServerStreamWriter<SSHReceivePackResponse> responseStream, ServerCallContext context)
    {
        var first = await FirstRequest.ReadAsync(requestStream, context);
        var repository = locator.LocateExisting(first.Repository, context);
        using var session = votes.Begin("SSHReceivePack", first.Repository, context);
        using var git = GitInvocation.StartPack("receive-pack", [], repository.FullPath, first.GitConfigOptions, first.GitProtocol, session);
        await SshSession.RunAsync(git, first.Stdin, requestStream, r => r.Stdin, responseStream, ReceivePackResponses, context.CancellationToken);
    }
}
