using Gitaly;
using Grpc.Core;

namespace Praefect.Server.Tests.Support;

internal sealed class ScriptedServerService(ScriptedNodeState state) : ServerService.ServerServiceBase
{
    public override Task<ServerInfoResponse> ServerInfo(ServerInfoRequest request, ServerCallContext context)
    {
        var response = new ServerInfoResponse { ServerVersion = "scripted", GitVersion = "2.39.5" };
        response.StorageStatuses.Add(new ServerInfoResponse.Types.StorageStatus { StorageName = state.Storage, Readable = true, Writeable = true, FsType = "ext4" });
        return Task.FromResult(response);
    }
}
