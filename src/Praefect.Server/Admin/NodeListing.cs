using Praefect.Datastore;
using Praefect.Protocol.Admin;
using Praefect.Server.Failover;
using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;
using AdminVirtualStorage = Praefect.Protocol.Admin.VirtualStorageNodes;

namespace Praefect.Server.Admin;

/// <summary>Builds the ListNodes answer: role, health, replication backlog and outdated repositories per node.</summary>
internal sealed class NodeListing(INodeConnections nodes, INodeHealth health, IDatastore store, LostWritesGuard guard)
{
    private static readonly HashSet<JobState> Backlog = [JobState.Pending, JobState.Ready, JobState.InProgress, JobState.Failed];

    public async Task<ListNodesResponse> ListAsync(string virtualStorage, CancellationToken cancellationToken)
    {
        var snapshot = nodes.Current;
        var selected = virtualStorage.Length == 0
            ? snapshot.VirtualStorages
            : [AdminErrors.VirtualStorage(snapshot, virtualStorage)];
        var queue = await store.GetQueueStatusAsync(cancellationToken).ConfigureAwait(false);
        var response = new ListNodesResponse();
        foreach (var vs in selected)
        {
            var repositories = await store.GetAllGenerationsAsync(vs.Name, cancellationToken).ConfigureAwait(false);
            var entry = new AdminVirtualStorage { Name = vs.Name, Primary = vs.Primary.Storage, RepositoriesWithLostWrites = guard.For(vs.Name).Count };
            foreach (var node in vs.Nodes)
            {
                var state = health.Get(vs.Name, node.Storage);
                entry.Nodes.Add(new NodeStatus
                {
                    Storage = node.Storage,
                    Address = node.Address.ToString(),
                    Primary = ReferenceEquals(node, vs.Primary),
                    Healthy = state.Healthy,
                    ReplicationBacklog = queue.Where(q => q.VirtualStorage == vs.Name && q.TargetStorage == node.Storage && Backlog.Contains(q.State)).Sum(q => q.Count),
                    OutdatedRepositories = repositories.Count(r => !DatalossCalculator.IsUpToDate(r, node.Storage)),
                    LastCheckUnixMs = state.LastCheck?.ToUnixTimeMilliseconds() ?? 0,
                    LastCheckError = state.LastError ?? "",
                });
            }

            response.VirtualStorages.Add(entry);
        }

        return response;
    }
}
