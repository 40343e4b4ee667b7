using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Server.Metrics;

namespace Praefect.Server.Replication;

/// <summary>
/// Runs replication in the praefect process. Start (before the listeners open): apply migrations,
/// write a heartbeat, make every pending job ready (a previous run may have died mid-call) and, for
/// SQLite (one praefect per file), every job a previous run left in progress. Then:
/// <see cref="ReplicationOptions.WorkersPerNode"/> workers per node of every virtual storage (nodes
/// added by a reload get theirs within <see cref="SupervisorInterval"/>), and a heartbeat loop that
/// also makes ready the pending and in-progress jobs of praefects that stopped heartbeating, retries
/// deferred "ready" marks, prunes old completed jobs and refreshes the queue gauges.
/// </summary>
internal sealed class ReplicationService(
    IDatastore store,
    IReplicationNodes nodes,
    ReplicationInstance instance,
    ReplicationSignal signal,
    ReplicationOptions options,
    TimeProvider time,
    ILoggerFactory loggers,
    PraefectMetrics metrics) : BackgroundService
{
    /// <summary>How often the configured nodes are compared with the running workers.</summary>
    public static readonly TimeSpan SupervisorInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly ILogger _logger = loggers.CreateLogger<ReplicationService>();
    private readonly ConcurrentDictionary<(string VirtualStorage, string Target), Task> _workers = new();
    private long _lastPrune;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await store.HeartbeatAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        var promoted = await store.PromotePendingAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        if (store.Backend == "sqlite")
        {
            // One praefect per file: whatever is in progress was left by a previous run of this one.
            var reclaimed = await store.ReclaimLeasesAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
            if (reclaimed > 0)
            {
                ReplicationLog.LeasesReclaimed(_logger, reclaimed);
            }
        }

        ReplicationLog.Started(_logger, store.Backend, store.Location, options.WorkersPerNode, promoted);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var executor = new ReplicationJobExecutor(store, nodes, options, time, metrics);
        var heartbeat = Task.Run(() => HeartbeatLoopAsync(stoppingToken), stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                StartMissingWorkers(executor, stoppingToken);
                await Task.Delay(SupervisorInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll([heartbeat, .. _workers.Values]).ConfigureAwait(false);
    }

    /// <summary>Starts the workers of every configured node that has none (all at start; a node added by a reload later).</summary>
    private void StartMissingWorkers(ReplicationJobExecutor executor, CancellationToken stopping)
    {
        var workerLogger = loggers.CreateLogger<ReplicationWorker>();
        foreach (var virtualStorage in nodes.VirtualStorages)
        {
            foreach (var target in nodes.Storages(virtualStorage))
            {
                var key = (virtualStorage, target);
                if (_workers.ContainsKey(key))
                {
                    continue;
                }

                var workers = new List<Task>();
                for (var i = 0; i < options.WorkersPerNode; i++)
                {
                    var worker = new ReplicationWorker(store, nodes, executor, signal, options, time, workerLogger, metrics, virtualStorage, target, $"{instance.Id}/{target}/{i}");
                    workers.Add(Task.Run(() => worker.RunAsync(stopping), stopping));
                }

                // When the node leaves the config its workers end; a later reload that adds it again starts new ones.
                _workers[key] = Task.WhenAll(workers).ContinueWith(_ => _workers.TryRemove(key, out Task? _), TaskScheduler.Default);
                ReplicationLog.WorkersStarted(_logger, virtualStorage, target, options.WorkersPerNode);
                signal.Notify(virtualStorage, target);
            }
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await store.HeartbeatAsync(instance.Id, stopping).ConfigureAwait(false);
                var aliveSince = time.GetUtcNow() - options.Lease;
                var orphaned = await store.PromotePendingAsync(aliveSince, stopping).ConfigureAwait(false);
                if (orphaned > 0)
                {
                    ReplicationLog.OrphanedJobsPromoted(_logger, orphaned);
                }

                // In progress under a praefect that stopped heartbeating: no need to wait for the lease to expire.
                var reclaimed = await store.ReclaimLeasesAsync(time.GetUtcNow() - (3 * options.HeartbeatInterval), stopping).ConfigureAwait(false);
                if (reclaimed > 0)
                {
                    ReplicationLog.LeasesReclaimed(_logger, reclaimed);
                }

                if (orphaned + reclaimed > 0)
                {
                    NotifyAll();
                }

                await RetryUnmarkedAsync(stopping).ConfigureAwait(false);
                await PruneAsync(stopping).ConfigureAwait(false);
                await RefreshGaugesAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ReplicationLog.HeartbeatFailed(_logger, e);
            }

            try
            {
                await Task.Delay(options.HeartbeatInterval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneAsync(CancellationToken stopping)
    {
        var now = time.GetTimestamp();
        if (_lastPrune != 0 && time.GetElapsedTime(_lastPrune, now) < PruneInterval)
        {
            return;
        }

        _lastPrune = now;
        var pruned = await store.PruneCompletedAsync(time.GetUtcNow() - options.CompletedRetention, stopping).ConfigureAwait(false);
        if (pruned > 0)
        {
            ReplicationLog.CompletedJobsPruned(_logger, pruned, options.CompletedRetention);
        }
    }

    private async Task RetryUnmarkedAsync(CancellationToken stopping)
    {
        while (instance.TryTakeUnmarked(out var batch))
        {
            try
            {
                await store.MarkReadyAsync(batch.Ids, stopping).ConfigureAwait(false);
            }
            catch
            {
                instance.RetryMarkReady(batch.Ids, batch.Targets);
                throw;
            }

            foreach (var (virtualStorage, target) in batch.Targets)
            {
                signal.Notify(virtualStorage, target);
            }
        }
    }

    private void NotifyAll()
    {
        foreach (var virtualStorage in nodes.VirtualStorages)
        {
            foreach (var target in nodes.Storages(virtualStorage))
            {
                signal.Notify(virtualStorage, target);
            }
        }
    }

    private async Task RefreshGaugesAsync(CancellationToken stopping)
    {
        var status = await store.GetQueueStatusAsync(stopping).ConfigureAwait(false);
        foreach (var virtualStorage in nodes.VirtualStorages)
        {
            foreach (var target in nodes.Storages(virtualStorage))
            {
                var rows = status.Where(s => s.VirtualStorage == virtualStorage && s.TargetStorage == target).ToList();
                foreach (var state in Enum.GetValues<JobState>())
                {
                    metrics.ReplicationQueueDepth.WithLabels(virtualStorage, target, state.ToName()).Set(rows.Where(r => r.State == state).Sum(r => r.Count));
                }
            }
        }
    }
}
