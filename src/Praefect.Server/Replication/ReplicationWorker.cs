using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Server.Metrics;

namespace Praefect.Server.Replication;

/// <summary>
/// One worker of one target node: takes the next due job under a lease (renewed while it runs),
/// executes it and records the outcome with one log line. Idle, it waits for a local signal or the
/// poll interval. It ends when its node leaves the config (a reload).
/// </summary>
internal sealed class ReplicationWorker(
    IDatastore store,
    IReplicationNodes nodes,
    ReplicationJobExecutor executor,
    ReplicationSignal signal,
    ReplicationOptions options,
    TimeProvider time,
    ILogger logger,
    PraefectMetrics metrics,
    string virtualStorage,
    string target,
    string owner)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested && nodes.Find(virtualStorage, target) is not null)
        {
            try
            {
                var job = await store.DequeueAsync(virtualStorage, target, owner, options.Lease, stopping).ConfigureAwait(false);
                if (job is null)
                {
                    await signal.WaitAsync(virtualStorage, target, options.PollInterval, stopping).ConfigureAwait(false);
                    continue;
                }

                if (await RunJobAsync(job, stopping).ConfigureAwait(false) is ReplicationOutcome.Unavailable)
                {
                    await Task.Delay(options.UnavailableRetry, time, stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ReplicationLog.DatastoreError(logger, virtualStorage, target, e);
                try
                {
                    await Task.Delay(options.PollInterval, time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<ReplicationOutcome?> RunJobAsync(ReplicationJob job, CancellationToken stopping)
    {
        // The client call's correlation id (recorded with the job), or a new one for a job praefect made itself:
        // on every call to the nodes and every log line of the job.
        Logging.Correlation.Current = job.CorrelationId ?? Logging.Correlation.New();
        var started = time.GetTimestamp();
        metrics.ReplicationDelay.WithLabels(ReplicationChangeType.Of(job.ChangeType))
            .Observe(Math.Max(0, (time.GetUtcNow() - (job.ReadyAt ?? job.CreatedAt)).TotalSeconds));

        using var execution = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var renewal = new CancellationTokenSource();
        var renewing = RenewLeaseAsync(job, execution, renewal.Token);
        ReplicationExecution result;
        var inFlight = metrics.ReplicationJobsInFlight.WithLabels(virtualStorage, target, ReplicationChangeType.Of(job.ChangeType));
        inFlight.Inc();
        try
        {
            result = await executor.RunAsync(job, execution.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await ReleaseOnStopAsync(job).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException)
        {
            return null; // The lease was lost: another worker owns the job now.
        }
        finally
        {
            inFlight.Dec();
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }

        await RecordAsync(job, result, time.GetElapsedTime(started), stopping).ConfigureAwait(false);
        metrics.ReplicationLatency.WithLabels(ReplicationChangeType.Of(job.ChangeType)).Observe(time.GetElapsedTime(started).TotalSeconds);
        return result.Outcome;
    }

    private async Task RecordAsync(ReplicationJob job, ReplicationExecution result, TimeSpan duration, CancellationToken stopping)
    {
        var source = result.Source ?? "(none: already up to date)";
        var attempt = job.Attempts + 1;
        var milliseconds = (long)duration.TotalMilliseconds;
        switch (result.Outcome)
        {
            case ReplicationOutcome.Completed completed:
                if (!await store.CompleteAsync(job, owner, completed.Generation, stopping).ConfigureAwait(false))
                {
                    return; // The lease was lost: the new owner records the job.
                }

                var superseded = result.CoversLatest ? await store.SupersedeDeadAsync(job, stopping).ConfigureAwait(false) : 0;
                ReplicationLog.JobCompleted(logger, job.Id, job.VirtualStorage, job.RelativePath, source, job.TargetStorage, attempt, milliseconds, completed.Generation, superseded);
                Count("completed");
                break;
            case ReplicationOutcome.Failed failed:
                var state = await store.FailAsync(job, owner, failed.Error, options.Retry, stopping).ConfigureAwait(false);
                if (state == JobState.Dead)
                {
                    ReplicationLog.JobDead(logger, job.Id, job.VirtualStorage, job.RelativePath, source, job.TargetStorage, attempt, milliseconds, failed.Error);
                    Count("dead");
                }
                else if (state == JobState.Failed)
                {
                    ReplicationLog.JobFailed(logger, job.Id, job.VirtualStorage, job.RelativePath, source, job.TargetStorage, attempt, milliseconds, failed.Error);
                    Count("failed");
                }

                break;
            case ReplicationOutcome.Unavailable unavailable:
                await store.ReleaseAsync(job, owner, unavailable.Reason, options.UnavailableRetry, stopping).ConfigureAwait(false);
                ReplicationLog.NodeUnavailable(logger, job.Id, job.VirtualStorage, job.RelativePath, job.TargetStorage, unavailable.Reason);
                Count("unavailable");
                break;
        }
    }

    private void Count(string result) => metrics.ReplicationResults.WithLabels(virtualStorage, target, result).Inc();

    /// <summary>Renews the lease every third of its length; cancels the execution when it was lost.</summary>
    private async Task RenewLeaseAsync(ReplicationJob job, CancellationTokenSource execution, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, time, done).ConfigureAwait(false);
                if (!await store.RenewLeaseAsync(job.Id, owner, options.Lease, done).ConfigureAwait(false))
                {
                    await execution.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // The datastore is away: keep executing; the lease may expire and the job run again (harmless).
            ReplicationLog.DatastoreError(logger, virtualStorage, target, e);
        }
    }

    private async Task ReleaseOnStopAsync(ReplicationJob job)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await store.ReleaseAsync(job, owner, "praefect stopped while replicating", TimeSpan.Zero, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            ReplicationLog.DatastoreError(logger, virtualStorage, target, e); // The lease expires and another praefect takes the job.
        }
    }
}
