using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Server.Metrics;
using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Routing;

/// <summary>
/// Distributed reads (<c>distributed_reads_enabled</c>): an accessor goes to a healthy replica that
/// is up to date for its repository, round robin; the primary when none is, or when the client
/// sends <c>gitaly-route-repository-accessor-policy: primary-only</c>. Choosing never fails a read:
/// when it throws (the datastore is down, say) the primary serves it, logged and counted in
/// <c>gitaly_praefect_proxy_errors_total{stage="read_distribution",side="praefect"}</c>.
/// </summary>
internal sealed class ReadDistributor(IDatastore datastore, INodeHealth health, PraefectMetrics metrics, ILogger<ReadDistributor> logger)
{
    public const string PolicyHeader = "gitaly-route-repository-accessor-policy";
    public const string PrimaryOnly = "primary-only";

    private int _next = -1;

    public async Task<NodeConnection> ChooseAsync(VirtualStorageNodes virtualStorage, string relativePath, CancellationToken cancellationToken)
    {
        RepositoryGenerations? generations;
        try
        {
            generations = await datastore.GetGenerationsAsync(virtualStorage.Name, relativePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ProxyErrors.WithLabels("read_distribution", "praefect").Inc();
            RoutingLog.ReadFellBackToPrimary(logger, virtualStorage.Name, relativePath, virtualStorage.Primary.Storage, e.Message, e);
            metrics.ReadDistribution.WithLabels(virtualStorage.Name, virtualStorage.Primary.Storage).Inc();
            return virtualStorage.Primary;
        }

        var candidates = ReadReplicaPolicy.Candidates(
            virtualStorage.Primary.Storage,
            virtualStorage.Nodes.Select(n => n.Storage),
            generations,
            storage => health.IsHealthy(virtualStorage.Name, storage));
        var chosen = candidates.Count == 0
            ? virtualStorage.Primary
            : virtualStorage.Find(candidates[(int)((uint)Interlocked.Increment(ref _next) % (uint)candidates.Count)]) ?? virtualStorage.Primary;
        metrics.ReadDistribution.WithLabels(virtualStorage.Name, chosen.Storage).Inc();
        return chosen;
    }
}
