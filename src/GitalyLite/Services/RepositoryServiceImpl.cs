using Gitaly;
using GitalyLite.GitProcesses;
using GitalyLite.Storage;
using GitalyLite.Transactions;
using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>RepositoryService: the repository-level RPCs a cluster needs; the rest answer Unimplemented.</summary>
internal sealed partial class RepositoryServiceImpl(RepositoryLocator locator, VoteRelay votes) : RepositoryService.RepositoryServiceBase
{
    public override Task<RepositoryExistsResponse> RepositoryExists(RepositoryExistsRequest request, ServerCallContext context)
    {
        var repository = locator.Locate(request.Repository, context);
        return Task.FromResult(new RepositoryExistsResponse { Exists = GitDirectory.Looks(repository.FullPath) });
    }

    public override async Task<CreateRepositoryResponse> CreateRepository(CreateRepositoryRequest request, ServerCallContext context)
    {
        var repository = locator.Locate(request.Repository, context);
        if (!GitDirectory.Looks(repository.FullPath))
        {
            var result = await GitCommand.RunAsync(["init", "--bare", "--quiet", repository.FullPath], context.CancellationToken);
            if (!result.Succeeded)
            {
                throw new RpcException(new Status(StatusCode.Internal, $"CreateRepository: git init failed: {result.Stderr.Trim()}"));
            }
        }

        return new CreateRepositoryResponse();
    }

    public override async Task<CalculateChecksumResponse> CalculateChecksum(CalculateChecksumRequest request, ServerCallContext context)
    {
        var repository = locator.Locate(request.Repository, context);
        if (!Directory.Exists(repository.FullPath))
        {
            throw RepositoryLocator.NotFound(repository);
        }

        var showRef = await GitCommand.InRepositoryAsync(repository.FullPath, ["show-ref", "--head"], context.CancellationToken);
        if (showRef.Succeeded)
        {
            return new CalculateChecksumResponse { Checksum = RepositoryChecksum.FromShowRefLines(showRef.Lines) };
        }

        // show-ref fails when there are no refs at all: fine for a valid repository, data loss otherwise.
        var valid = await GitCommand.InRepositoryAsync(repository.FullPath, ["rev-parse", "--is-bare-repository"], context.CancellationToken);
        if (!valid.Succeeded)
        {
            throw new RpcException(new Status(StatusCode.DataLoss, $"CalculateChecksum: not a git repository \"{repository.Display}\""));
        }

        return new CalculateChecksumResponse { Checksum = RepositoryChecksum.Blank };
    }

    /// <summary>
    /// <c>git update-ref</c> (or <c>symbolic-ref</c> for HEAD). In a reference transaction the
    /// update-ref is voted on by git's hook; a symbolic-ref runs no hook in git 2.39, so gitaly-lite
    /// votes on <c>"&lt;zero oid&gt; ref:&lt;target&gt; HEAD\n"</c> itself before it applies it (git 2.45's
    /// notation for a symbolic update). A vote that does not commit fails the call with its reason.
    /// </summary>
    public override async Task<WriteRefResponse> WriteRef(WriteRefRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var reference = request.Ref.ToStringUtf8();
        var revision = request.Revision.ToStringUtf8();
        WriteRefValidation.Validate(reference, revision, request.OldRevision.ToStringUtf8());
        using var session = votes.Begin("WriteRef", request.Repository, context);
        var arguments = reference == "HEAD"
            ? new List<string> { "symbolic-ref", "HEAD", revision }
            : ["update-ref", "--", reference, revision];
        if (reference != "HEAD" && !request.OldRevision.IsEmpty)
        {
            arguments.Add(request.OldRevision.ToStringUtf8());
        }

        if (reference == "HEAD" && session is not null
            && !await session.VoteAsync(System.Text.Encoding.UTF8.GetBytes($"{new string('0', 40)} ref:{revision} HEAD\n")))
        {
            throw session.FailureException()!;
        }

        var result = await GitCommand.InRepositoryAsync(repository.FullPath, arguments, context.CancellationToken, votes: session);
        if (!result.Succeeded)
        {
            throw session?.FailureException() ?? new RpcException(new Status(StatusCode.Internal, $"WriteRef: {result.Stderr.Trim()}"));
        }

        return new WriteRefResponse();
    }

    public override Task<RepositorySizeResponse> RepositorySize(RepositorySizeRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var bytes = new DirectoryInfo(repository.FullPath)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Sum(file => file.Length);
        return Task.FromResult(new RepositorySizeResponse { Size = bytes / 1024 });
    }

    public override async Task<HasLocalBranchesResponse> HasLocalBranches(HasLocalBranchesRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var result = await GitCommand.InRepositoryAsync(
            repository.FullPath, ["for-each-ref", "--count=1", "--format=%(refname)", "refs/heads/"], context.CancellationToken);
        return new HasLocalBranchesResponse { Value = result.Succeeded && result.Lines.Any() };
    }

    public override async Task<GarbageCollectResponse> GarbageCollect(GarbageCollectRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var bitmaps = request.CreateBitmap ? "true" : "false";
        var result = await GitCommand.InRepositoryAsync(
            repository.FullPath, ["-c", "repack.writeBitmaps=" + bitmaps, "gc", "--quiet"], context.CancellationToken);
        if (!result.Succeeded)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"GarbageCollect: {result.Stderr.Trim()}"));
        }

        return new GarbageCollectResponse();
    }
}
