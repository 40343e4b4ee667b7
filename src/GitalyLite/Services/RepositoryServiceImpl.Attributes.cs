using Gitaly;
using GitalyLite.GitProcesses;
using GitalyLite.Storage;
using Google.Protobuf;
using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>ApplyGitattributes and GetInfoAttributes: the repository's <c>info/attributes</c>, as Gitaly keeps it.</summary>
internal sealed partial class RepositoryServiceImpl
{
    private const int AttributesChunk = 64 * 1024;

    /// <summary>Writes the <c>.gitattributes</c> of <c>revision</c> to <c>info/attributes</c> (removes it when the revision has none).</summary>
    public override async Task<ApplyGitattributesResponse> ApplyGitattributes(ApplyGitattributesRequest request, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var revision = request.Revision.ToStringUtf8();
        if (revision.Length == 0 || revision.StartsWith('-') || revision.Contains(':'))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"ApplyGitattributes: revision: invalid revision \"{revision}\""));
        }

        var commit = await GitCommand.InRepositoryAsync(repository.FullPath, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], context.CancellationToken);
        if (!commit.Succeeded)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Revision doesn't exist"));
        }

        var blob = await GitCommand.InRepositoryAsync(repository.FullPath, ["cat-file", "blob", commit.Stdout.Trim() + ":.gitattributes"], context.CancellationToken);
        InfoAttributes.Write(repository, blob.Succeeded ? System.Text.Encoding.UTF8.GetBytes(blob.Stdout) : []);
        return new ApplyGitattributesResponse();
    }

    public override async Task GetInfoAttributes(GetInfoAttributesRequest request, IServerStreamWriter<GetInfoAttributesResponse> responseStream, ServerCallContext context)
    {
        var repository = locator.LocateExisting(request.Repository, context);
        var content = InfoAttributes.Read(repository);
        for (var offset = 0; offset < content.Length; offset += AttributesChunk)
        {
            var length = Math.Min(AttributesChunk, content.Length - offset);
            await responseStream.WriteAsync(new GetInfoAttributesResponse { Attributes = ByteString.CopyFrom(content, offset, length) }, context.CancellationToken);
        }
    }
}
