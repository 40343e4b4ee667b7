using Grpc.Core;
using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Protocol.Admin;
using Praefect.Server.Failover;
using Praefect.Server.Nodes;

namespace Praefect.Server.Admin;

/// <summary>
/// accept-dataloss: the authoritative storage's copy becomes the latest generation and is replicated
/// to every other node. If it is the primary, writes resume at once; otherwise when the primary holds it.
/// </summary>
internal sealed class DatalossAcceptor(INodeConnections nodes, IDatastore store, LostWritesGuard guard, ILogger<DatalossAcceptor> logger)
{
    public const string ChangeType = "accept-dataloss";

    public async Task<AcceptDatalossResponse> AcceptAsync(AcceptDatalossRequest request, CancellationToken cancellationToken)
    {
        AdminErrors.Required(request.VirtualStorage, "--virtual-storage");
        AdminErrors.Required(request.RelativePath, "--repository");
        AdminErrors.Required(request.AuthoritativeStorage, "--authoritative-storage");
        var vs = AdminErrors.VirtualStorage(nodes.Current, request.VirtualStorage);
        AdminErrors.Storage(vs, request.AuthoritativeStorage, "--authoritative-storage");

        var primary = vs.Primary.Storage;
        var generation = await store.AcceptDatalossAsync(vs.Name, request.RelativePath, request.AuthoritativeStorage,
            releaseNow: request.AuthoritativeStorage == primary, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"no write was ever recorded for repository \"{request.RelativePath}\" on virtual storage \"{vs.Name}\"; check the path with 'praefect-ctl dataloss --virtual-storage {vs.Name}'"));

        var targets = vs.Nodes.Select(n => n.Storage).Where(s => s != request.AuthoritativeStorage).ToArray();
        var jobs = targets.Select(target => new JobRequest(vs.Name, request.RelativePath, request.AuthoritativeStorage, target, ChangeType, CorrelationId: Logging.Correlation.Current)).ToArray();
        if (jobs.Length > 0)
        {
            var ids = await store.RecordPendingAsync(jobs, FailoverCoordinator.Instance, cancellationToken).ConfigureAwait(false);
            await store.MarkReadyAsync(ids, cancellationToken).ConfigureAwait(false);
        }

        await guard.RefreshAsync(vs.Name, primary, cancellationToken).ConfigureAwait(false);
        FailoverLog.DatalossAccepted(logger, vs.Name, request.RelativePath, request.AuthoritativeStorage, generation,
            targets.Length == 0 ? "no other storage" : string.Join(", ", targets.Select(t => "'" + t + "'")));
        var response = new AcceptDatalossResponse { Generation = generation };
        response.ReplicationTargets.AddRange(targets);
        return response;
    }
}
