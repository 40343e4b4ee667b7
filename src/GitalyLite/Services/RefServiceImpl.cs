using Gitaly;
using GitalyLite.GitProcesses;
using GitalyLite.Storage;
using Google.Protobuf;
using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>RefService basics: default branch, branch names, branch targets, ref existence.</summary>
internal sealed class RefServiceImpl(RepositoryLocator locator) : RefService.RefServiceBase
{
    private const int NamesPerMessage = 100;

    public override async Task<FindDefaultBranchNameResponse> FindDefaultBranchName(FindDefaultBranchNameRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var branches = await BranchesAsync(repository, context.CancellationToken);
        var head = await GitCommand.InRepositoryAsync(repository.FullPath, ["symbolic-ref", "--quiet", "HEAD"], context.CancellationToken);
        var headTarget = head.Stdout.Trim();

        // Gitaly's choice: HEAD's branch if it exists, else master, else the first branch, else nothing.
        var name = branches.Any(b => b.Name == headTarget) ? headTarget
            : branches.Any(b => b.Name == "refs/heads/master") ? "refs/heads/master"
            : branches.FirstOrDefault()?.Name ?? "";
        return new FindDefaultBranchNameResponse { Name = ByteString.CopyFromUtf8(name) };
    }

    public override async Task FindAllBranchNames(FindAllBranchNamesRequest request, IServerStreamWriter<FindAllBranchNamesResponse> responseStream, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var branches = await BranchesAsync(repository, context.CancellationToken);
        foreach (var page in branches.Chunk(NamesPerMessage))
        {
            var response = new FindAllBranchNamesResponse();
            response.Names.AddRange(page.Select(b => ByteString.CopyFromUtf8(b.Name)));
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    public override async Task FindAllBranches(FindAllBranchesRequest request, IServerStreamWriter<FindAllBranchesResponse> responseStream, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var branches = await BranchesAsync(repository, context.CancellationToken);
        foreach (var page in branches.Chunk(NamesPerMessage))
        {
            var response = new FindAllBranchesResponse();
            response.Branches.AddRange(page.Select(b => new FindAllBranchesResponse.Types.Branch
            {
                Name = ByteString.CopyFromUtf8(b.Name),
                Target = new GitCommit { Id = b.CommitId },
            }));
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    public override async Task<RefExistsResponse> RefExists(RefExistsRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var reference = request.Ref.ToStringUtf8();
        if (!reference.StartsWith("refs/", StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"RefExists: invalid refname \"{reference}\": it must start with refs/"));
        }

        var result = await GitCommand.InRepositoryAsync(repository.FullPath, ["show-ref", "--verify", "--quiet", reference], context.CancellationToken);
        return new RefExistsResponse { Value = result.Succeeded };
    }

    private static async Task<IReadOnlyList<BranchRef>> BranchesAsync(RepositoryLocation repository, CancellationToken cancellationToken)
    {
        var result = await GitCommand.InRepositoryAsync(
            repository.FullPath, ["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads/"], cancellationToken);
        return result.Lines
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => new BranchRef(parts[1], parts[0]))
            .ToList();
    }

    private sealed record BranchRef(string Name, string CommitId);
}
