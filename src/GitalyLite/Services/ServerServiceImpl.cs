using System.Reflection;
using Gitaly;
using GitalyLite.GitProcesses;
using GitalyLite.Storage;
using Grpc.Core;

namespace GitalyLite.Services;

/// <summary>ServerService/ServerInfo: versions and whether each storage can be read and written.</summary>
internal sealed class ServerServiceImpl(StorageRegistry storages) : ServerService.ServerServiceBase
{
    private static readonly string Version =
        "gitaly-lite-" + (typeof(ServerServiceImpl).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    public override async Task<ServerInfoResponse> ServerInfo(ServerInfoRequest request, ServerCallContext context)
    {
        var response = new ServerInfoResponse
        {
            ServerVersion = Version,
            GitVersion = await GitCommand.VersionAsync(context.CancellationToken),
        };
        foreach (var (name, root) in storages.Roots)
        {
            response.StorageStatuses.Add(new ServerInfoResponse.Types.StorageStatus
            {
                StorageName = name,
                Readable = Directory.Exists(root),
                Writeable = IsWriteable(root),
                FsType = "unknown",
            });
        }

        return response;
    }

    private static bool IsWriteable(string root)
    {
        try
        {
            var probe = Path.Combine(root, $".gitaly-lite-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
