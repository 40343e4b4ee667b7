using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>WriteRef's input rules: a ref under refs/ (or HEAD) and revisions that cannot be read as git options.</summary>
internal static class WriteRefValidation
{
    public static void Validate(string reference, string revision, string oldRevision)
    {
        if (reference.Length == 0)
        {
            throw Invalid("WriteRef: empty ref; set 'ref' to e.g. refs/heads/main");
        }

        if (reference != "HEAD" && !reference.StartsWith("refs/", StringComparison.Ordinal))
        {
            throw Invalid($"WriteRef: ref \"{reference}\" must be HEAD or start with refs/");
        }

        if (revision.Length == 0)
        {
            throw Invalid("WriteRef: empty revision; set 'revision' to a commit id or, for HEAD, a ref");
        }

        if (revision.StartsWith('-') || oldRevision.StartsWith('-') || revision.Contains('\n') || reference.Contains(' '))
        {
            throw Invalid($"WriteRef: invalid revision \"{revision}\"");
        }
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
