using Grpc.Core;
using Praefect.Protocol.Admin;
using Praefect.Server.Failover;

namespace Praefect.Server.Admin;

/// <summary>
/// praefect's own admin API (src/Praefect.Protocol/Admin/praefect_admin.proto), served on the same
/// listeners and behind the same token check as the Gitaly methods.
/// </summary>
internal sealed class PraefectAdminService(
    NodeListing listing,
    DatalossListing dataloss,
    DatalossAcceptor acceptor,
    FailoverCoordinator coordinator) : PraefectAdmin.PraefectAdminBase
{
    public override Task<ListNodesResponse> ListNodes(ListNodesRequest request, ServerCallContext context) =>
        listing.ListAsync(request.VirtualStorage, context.CancellationToken);

    public override Task<DatalossResponse> Dataloss(DatalossRequest request, ServerCallContext context) =>
        dataloss.ListAsync(request.VirtualStorage, context.CancellationToken);

    public override Task<AcceptDatalossResponse> AcceptDataloss(AcceptDatalossRequest request, ServerCallContext context) =>
        acceptor.AcceptAsync(request, context.CancellationToken);

    public override async Task<FailoverResponse> Failover(FailoverRequest request, ServerCallContext context)
    {
        AdminErrors.Required(request.VirtualStorage, "--virtual-storage");
        AdminErrors.Required(request.TargetStorage, "--to");
        var trigger = request.Trigger is FailoverTriggers.Reconfigure ? FailoverTriggers.Reconfigure : FailoverTriggers.Ctl;
        var order = new FailoverOrder(request.VirtualStorage, request.TargetStorage, request.Force, TimeSpan.FromMilliseconds(Math.Max(0, request.TimeoutMs)), trigger);
        var result = await coordinator.FailoverAsync(order, context.CancellationToken).ConfigureAwait(false);
        var response = new FailoverResponse
        {
            Outcome = result.Outcome switch
            {
                FailoverOutcome.Switched => FailoverResponse.Types.Outcome.Switched,
                FailoverOutcome.Forced => FailoverResponse.Types.Outcome.Forced,
                FailoverOutcome.AlreadyPrimary => FailoverResponse.Types.Outcome.AlreadyPrimary,
                _ => FailoverResponse.Types.Outcome.Refused,
            },
            PreviousPrimary = result.PreviousPrimary,
            NewPrimary = result.NewPrimary,
            Reason = result.Reason,
            DurationMs = (long)result.Duration.TotalMilliseconds,
        };
        foreach (var lost in result.Lost)
        {
            var entry = new LostRepository { RelativePath = lost.RelativePath, LatestGeneration = lost.LatestGeneration, TargetGeneration = lost.TargetGeneration };
            entry.LatestStorages.AddRange(lost.LatestStorages);
            response.LostRepositories.Add(entry);
        }

        return response;
    }
}
