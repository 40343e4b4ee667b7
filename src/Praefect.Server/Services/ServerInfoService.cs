using Gitaly;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Praefect.Server.Hosting;
using Praefect.Server.Nodes;

namespace Praefect.Server.Services;

/// <summary>
/// ServerService/ServerInfo answered by praefect: one storage status per virtual storage, named
/// after it, readable and writeable when its primary reports its own storage so.
/// </summary>
internal sealed class ServerInfoService(INodeConnections nodes, ILogger<ServerInfoService> logger) : ServerService.ServerServiceBase
{
    /// <summary>How long a node may take to answer when the client set no (or a longer) deadline.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(10);

    public override async Task<ServerInfoResponse> ServerInfo(ServerInfoRequest request, ServerCallContext context)
    {
        var deadline = DateTime.UtcNow + NodeTimeout;
        if (context.Deadline < deadline)
        {
            deadline = context.Deadline;
        }

        var snapshot = nodes.Current;
        var answers = await Task.WhenAll(snapshot.VirtualStorages.Select(vs => QueryPrimaryAsync(vs, deadline, context.CancellationToken))).ConfigureAwait(false);
        var response = new ServerInfoResponse
        {
            ServerVersion = BuildInfo.Version,
            GitVersion = answers.Select(a => a.GitVersion).FirstOrDefault(v => v.Length > 0) ?? "",
        };
        response.StorageStatuses.AddRange(answers.Select(a => a.Status));
        return response;
    }

    private async Task<(ServerInfoResponse.Types.StorageStatus Status, string GitVersion)> QueryPrimaryAsync(VirtualStorageNodes vs, DateTime deadline, CancellationToken cancellationToken)
    {
        var status = new ServerInfoResponse.Types.StorageStatus { StorageName = vs.Name };
        var primary = vs.Primary;
        using var lease = primary.Acquire();
        try
        {
            var client = new ServerService.ServerServiceClient(primary.CallInvoker);
            var reply = await client.ServerInfoAsync(new ServerInfoRequest(), deadline: deadline, cancellationToken: cancellationToken).ConfigureAwait(false);
            var own = reply.StorageStatuses.FirstOrDefault(s => s.StorageName == primary.Storage);
            if (own is null)
            {
                ServicesLog.PrimaryLacksStorage(logger, vs.Name, primary.Storage, primary.Address.ToString());
                return (status, reply.GitVersion);
            }

            status.Readable = own.Readable;
            status.Writeable = own.Writeable;
            status.FsType = own.FsType;
            status.FilesystemId = own.FilesystemId;
            return (status, reply.GitVersion);
        }
        catch (RpcException e)
        {
            ServicesLog.PrimaryUnreachable(logger, vs.Name, primary.Storage, primary.Address.ToString(), e.StatusCode, e.Status.Detail);
            return (status, "");
        }
    }
}
