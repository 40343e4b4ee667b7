using Praefect.Datastore;
using Praefect.Protocol.Admin;
using Praefect.Server.Failover;
using Praefect.Server.Nodes;

namespace Praefect.Server.Admin;

/// <summary>
/// The Dataloss answer: every repository whose primary does not hold its latest generation (writes not
/// replicated to it), plus every repository marked by a forced failover, with each storage's generation.
/// </summary>
internal sealed class DatalossListing(INodeConnections nodes, IDatastore store, LostWritesGuard guard)
{
    public async Task<DatalossResponse> ListAsync(string virtualStorage, CancellationToken cancellationToken)
    {
        var snapshot = nodes.Current;
        var selected = virtualStorage.Length == 0
            ? snapshot.VirtualStorages
            : [AdminErrors.VirtualStorage(snapshot, virtualStorage)];
        var response = new DatalossResponse();
        foreach (var vs in selected)
        {
            var marked = guard.For(vs.Name).Select(r => r.RelativePath).ToHashSet(StringComparer.Ordinal);
            var repositories = await store.GetAllGenerationsAsync(vs.Name, cancellationToken).ConfigureAwait(false);
            foreach (var repository in repositories)
            {
                var rejected = marked.Contains(repository.RelativePath);
                if (!rejected && DatalossCalculator.IsUpToDate(repository, vs.Primary.Storage))
                {
                    continue;
                }

                var entry = new DatalossRepository
                {
                    VirtualStorage = vs.Name,
                    RelativePath = repository.RelativePath,
                    Primary = vs.Primary.Storage,
                    LatestGeneration = repository.Generation,
                    WritesRejected = rejected,
                };
                entry.Storages.AddRange(repository.AssignedStorages(vs.Nodes.Select(n => n.Storage), vs.Primary.Storage)
                    .Select(storage => new StorageGeneration { Storage = storage, Generation = DatalossCalculator.HeldBy(repository, storage) }));
                response.Repositories.Add(entry);
            }
        }

        return response;
    }
}
