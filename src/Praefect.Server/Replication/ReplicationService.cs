using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Server.Metrics;

namespace Praefect.Server.Replication;

/// <summary>
/// Runs replication in the praefect process. Start (before the listeners open): apply migrations,
/// write a heartbeat, make every pending job ready (a previous run may have died mid-call). Then:
/// <see cref="ReplicationOptions.WorkersPerNode"/> workers per node of every virtual storage, and a
/// heartbeat loop that also makes ready the pending jobs of praefects that stopped heartbeating,
/// retries deferred "ready" marks and refreshes the queue gauges.
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
    private readonly ILogger _logger = loggers.CreateLogger<ReplicationService>();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await store.HeartbeatAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        var promoted = await store.PromotePendingAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        ReplicationLog.Started(_logger, store.Backend, store.Location, options.WorkersPerNode, promoted);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var executor = new ReplicationJobExecutor(store, nodes, options, time, metrics);
        var workerLogger = loggers.CreateLogger<ReplicationWorker>();
        var tasks = new List<Task> { Task.Run(() => HeartbeatLoopAsync(stoppingToken), stoppingToken) };
        foreach (var virtualStorage in nodes.VirtualStorages)
        {
            foreach (var target in nodes.Storages(virtualStorage))
            {
                for (var i = 0; i < options.WorkersPerNode; i++)
                {
                    var worker = new ReplicationWorker(store, executor, signal, options, time, workerLogger, metrics, virtualStorage, target, $"{instance.Id}/{target}/{i}");
                    tasks.Add(Task.Run(() => worker.RunAsync(stoppingToken), stoppingToken));
                }
            }
        }

        return Task.WhenAll(tasks);
    }

    private async Task HeartbeatLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await store.HeartbeatAsync(instance.Id, stopping).ConfigureAwait(false);
                var orphaned = await store.PromotePendingAsync(time.GetUtcNow() - options.Lease, stopping).ConfigureAwait(false);
                if (orphaned > 0)
                {
                    ReplicationLog.OrphanedJobsPromoted(_logger, orphaned);
                    NotifyAll();
                }

                await RetryUnmarkedAsync(stopping).ConfigureAwait(false);
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
