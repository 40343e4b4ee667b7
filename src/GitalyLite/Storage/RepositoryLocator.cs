using Gitaly;
using GitalyLite.Logging;
using Grpc.Core;

namespace GitalyLite.Storage;

/// <summary>
/// Turns a request's <see cref="Repository"/> into a path inside one storage, with Gitaly's status
/// codes for bad input. Paths that would leave the storage are refused before anything touches disk.
/// </summary>
internal sealed class RepositoryLocator(StorageRegistry storages)
{
    /// <summary>Validates the address only; the repository may not exist yet.</summary>
    public RepositoryLocation Locate(Repository? repository, ServerCallContext context, string field = "Repository")
    {
        if (repository is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"empty {field}"));
        }

        if (ReferenceEquals(field, "Repository"))
        {
            CallLogFields.Of(context)?.SetRepository(repository.StorageName, repository.RelativePath);
        }

        if (!storages.TryGetRoot(repository.StorageName, out var root))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"GetStorageByName: no such storage: \"{repository.StorageName}\""));
        }

        var relative = repository.RelativePath;
        if (string.IsNullOrEmpty(relative))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "GetPath: relative path missing"));
        }

        if (Escapes(relative, root, out var full))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"GetRepoPath: relative path escapes root directory: \"{relative}\""));
        }

        return new RepositoryLocation(repository.StorageName, relative, full);
    }

    /// <summary>Validates the address and requires an existing git repository (NotFound otherwise).</summary>
    public RepositoryLocation LocateExisting(Repository? repository, ServerCallContext context, string field = "Repository")
    {
        var location = Locate(repository, context, field);
        if (!GitDirectory.Looks(location.FullPath))
        {
            throw NotFound(location);
        }

        return location;
    }

    public static RpcException NotFound(RepositoryLocation location) =>
        new(new Status(StatusCode.NotFound, $"GetRepoPath: not a git repository: \"{location.Display}\""));

    private static bool Escapes(string relative, string root, out string full)
    {
        full = "";
        if (Path.IsPathRooted(relative) || relative.Contains('\0') ||
            relative.Split('/', '\\').Any(segment => segment == ".."))
        {
            return true;
        }

        full = Path.GetFullPath(Path.Combine(root, relative));
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return !full.StartsWith(rootWithSeparator, StringComparison.Ordinal);
    }
}
