using System.Collections.Concurrent;
using Praefect.Datastore;
using Praefect.Datastore.Failover;

namespace Praefect.Server.Failover;

/// <summary>
/// The repositories that reject writes after a forced failover, kept in memory for the write path and
/// refreshed from the datastore (so every praefect sharing it agrees). A repository accepted with
/// accept-dataloss stays read-only until its primary holds the authoritative copy; then its mark is removed.
/// </summary>
internal sealed class LostWritesGuard(IDatastore store)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, LostWritesRecord>> _byVirtualStorage = new(StringComparer.Ordinal);

    /// <summary>Why a write to the repository is rejected, or null when it may go on.</summary>
    public string? RejectionFor(string virtualStorage, string relativePath)
    {
        if (!_byVirtualStorage.TryGetValue(virtualStorage, out var marked) || !marked.TryGetValue(relativePath, out var record))
        {
            return null;
        }

        return record.AcceptedStorage is { } accepted
            ? $"repository \"{relativePath}\" on virtual storage \"{virtualStorage}\" is being replicated from \"{accepted}\" after accept-dataloss; writes resume when its primary holds that copy, retry shortly"
            : $"repository \"{relativePath}\" on virtual storage \"{virtualStorage}\" lost writes in a forced failover and rejects writes until an admin accepts the loss: " +
              $"see 'praefect-ctl dataloss --virtual-storage {virtualStorage}', then run 'praefect-ctl accept-dataloss --virtual-storage {virtualStorage} --repository {relativePath} --authoritative-storage <storage>'";
    }

    /// <summary>The marked repositories of a virtual storage.</summary>
    public IReadOnlyCollection<LostWritesRecord> For(string virtualStorage) =>
        _byVirtualStorage.TryGetValue(virtualStorage, out var marked) ? marked.Values.ToArray() : [];

    /// <summary>Reloads the marks of a virtual storage; releases those whose primary caught up after accept-dataloss.</summary>
    public async Task RefreshAsync(string virtualStorage, string primary, CancellationToken cancellationToken)
    {
        var records = await store.GetLostWritesAsync(virtualStorage, primary, cancellationToken).ConfigureAwait(false);
        var kept = new Dictionary<string, LostWritesRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.PrimaryCaughtUp)
            {
                await store.ReleaseLostWritesAsync(virtualStorage, record.RelativePath, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                kept[record.RelativePath] = record;
            }
        }

        _byVirtualStorage[virtualStorage] = kept;
    }
}
