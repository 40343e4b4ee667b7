using System.Collections.Concurrent;

namespace Praefect.Server.Replication;

/// <summary>
/// Wakes this praefect's idle workers of a target as soon as a job for it becomes ready, so lag is
/// not bounded by the poll interval. Jobs recorded by other praefects are found by polling.
/// </summary>
internal sealed class ReplicationSignal
{
    private readonly ConcurrentDictionary<(string VirtualStorage, string Storage), SemaphoreSlim> _targets = new();

    public void Notify(string virtualStorage, string targetStorage)
    {
        var semaphore = Get(virtualStorage, targetStorage);
        if (semaphore.CurrentCount == 0)
        {
            semaphore.Release();
        }
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task<bool> WaitAsync(string virtualStorage, string targetStorage, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(virtualStorage, targetStorage).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(string virtualStorage, string targetStorage) =>
        _targets.GetOrAdd((virtualStorage, targetStorage), _ => new SemaphoreSlim(0, 1));
}
