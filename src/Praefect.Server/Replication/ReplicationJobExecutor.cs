using Gitaly;
using Grpc.Core;
using Praefect.Datastore;
using Praefect.Server.Metrics;
using Praefect.Server.Replication.Actions;

namespace Praefect.Server.Replication;

/// <summary>
/// Executes one job: resolves the target, chooses the source from the recorded generations so that a
/// copy never takes the target backwards (<see cref="ReplicationSourceChooser"/>), runs the action of
/// the job's change type and maps a failed node call to an outcome. An unreachable source makes the job
/// try the next up-to-date replica; an unreachable target, or no reachable source, makes it wait
/// without counting an attempt.
/// </summary>
internal sealed class ReplicationJobExecutor(IDatastore store, IReplicationNodes nodes, ReplicationActions actions, ReplicationOptions options, TimeProvider time)
{
    public ReplicationJobExecutor(IDatastore store, IReplicationNodes nodes, ReplicationOptions options, TimeProvider time, PraefectMetrics metrics)
        : this(store, nodes, new ReplicationActions(store, options, time, metrics), options, time)
    {
    }

    public async Task<ReplicationOutcome> ExecuteAsync(ReplicationJob job, CancellationToken cancellationToken) =>
        (await RunAsync(job, cancellationToken).ConfigureAwait(false)).Outcome;

    public async Task<ReplicationExecution> RunAsync(ReplicationJob job, CancellationToken cancellationToken)
    {
        var target = nodes.Find(job.VirtualStorage, job.TargetStorage);
        if (target is null)
        {
            return new(new ReplicationOutcome.Failed(NotConfigured(job, job.TargetStorage)), null);
        }

        var generations = await store.GetGenerationsAsync(job.VirtualStorage, job.RelativePath, cancellationToken).ConfigureAwait(false);
        var plan = ReplicationSourceChooser.Choose(job, generations, nodes.Storages(job.VirtualStorage), s => nodes.IsHealthy(job.VirtualStorage, s));
        switch (plan)
        {
            case ReplicationSourcePlan.UpToDate upToDate:
                return new(new ReplicationOutcome.Completed(upToDate.Generation), null, CoversLatest: true);
            case ReplicationSourcePlan.Wait wait:
                return new(new ReplicationOutcome.Unavailable(wait.Reason), null);
        }

        var copy = (ReplicationSourcePlan.Copy)plan;
        var action = actions.For(job);
        var reasons = new List<string>();
        var tried = false;
        foreach (var (storage, generation) in copy.Candidates)
        {
            var source = nodes.Find(job.VirtualStorage, storage);
            if (source is null)
            {
                reasons.Add(NotConfigured(job, storage));
                continue;
            }

            tried = true;
            try
            {
                await ProbeAsync(job, source, cancellationToken).ConfigureAwait(false);
                return new(await action.RunAsync(job, source, target, generation, cancellationToken).ConfigureAwait(false), storage, copy.Latest);
            }
            catch (ReplicationStepException e) when (e.Rpc.StatusCode == StatusCode.Unavailable && e.Node.Storage != target.Storage)
            {
                reasons.Add(Describe(e)); // The source is away: the next up-to-date replica, if any.
            }
            catch (ReplicationStepException e) when (e.Rpc.StatusCode == StatusCode.Unavailable)
            {
                return new(new ReplicationOutcome.Unavailable(Describe(e)), storage);
            }
            catch (ReplicationStepException e) when (!cancellationToken.IsCancellationRequested)
            {
                return new(new ReplicationOutcome.Failed(e.Message), storage);
            }
        }

        var reason = string.Join("; ", reasons);
        return new(tried ? new ReplicationOutcome.Unavailable(reason) : new ReplicationOutcome.Failed(reason), null);
    }

    /// <summary>
    /// A cheap call on the source before the copy: an unreachable source shows as its own failure (the
    /// target's fetch would only report that it failed), so the job re-sources or waits instead of counting an attempt.
    /// </summary>
    private async Task ProbeAsync(ReplicationJob job, ReplicationNode source, CancellationToken cancellationToken)
    {
        try
        {
            await new RepositoryService.RepositoryServiceClient(source.Invoker).RepositoryExistsAsync(
                new RepositoryExistsRequest { Repository = new Repository { StorageName = source.Storage, RelativePath = job.RelativePath } },
                null, time.GetUtcNow().UtcDateTime + options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(source, "RepositoryExists", new RpcException(new Status(StatusCode.Unavailable, e.Status.Detail)));
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
            // Answered (even with an error): reachable; the action reports what is wrong.
        }
    }

    private static string NotConfigured(ReplicationJob job, string storage) =>
        $"storage \"{storage}\" is not configured in virtual storage \"{job.VirtualStorage}\"";

    private static string Describe(ReplicationStepException e) =>
        $"{e.Step} on \"{e.Node.Storage}\" at {e.Node.Address}: {e.Rpc.Status.Detail}";
}
