using System.Collections.Concurrent;

namespace Praefect.Server.Replication;

/// <summary>
/// This praefect process as the queue knows it: the id that owns its pending jobs and leases, and the
/// jobs whose "ready" mark failed (database briefly away), retried by the heartbeat loop.
/// </summary>
internal sealed class ReplicationInstance
{
    private readonly ConcurrentQueue<(IReadOnlyList<long> Ids, IReadOnlyList<(string VirtualStorage, string Target)> Targets)> _unmarked = new();

    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public void RetryMarkReady(IReadOnlyList<long> ids, IReadOnlyList<(string VirtualStorage, string Target)> targets) => _unmarked.Enqueue((ids, targets));

    public bool TryTakeUnmarked(out (IReadOnlyList<long> Ids, IReadOnlyList<(string VirtualStorage, string Target)> Targets) batch) => _unmarked.TryDequeue(out batch);
}
