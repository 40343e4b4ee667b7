using Grpc.Core;
using Praefect.Datastore;
using Praefect.Server.Metrics;
using Praefect.Server.Replication.Actions;

namespace Praefect.Server.Replication;

/// <summary>
/// Executes one job: resolves its source and target nodes, reads the generation the source holds
/// (before copying: the copy holds at least that), runs the action of the job's change type and maps
/// a failed node call to an outcome. An unreachable node (<see cref="StatusCode.Unavailable"/>) makes
/// the job wait without counting an attempt.
/// </summary>
internal sealed class ReplicationJobExecutor(IDatastore store, IReplicationNodes nodes, ReplicationActions actions)
{
    public ReplicationJobExecutor(IDatastore store, IReplicationNodes nodes, ReplicationOptions options, TimeProvider time, PraefectMetrics metrics)
        : this(store, nodes, new ReplicationActions(store, options, time, metrics))
    {
    }

    public async Task<ReplicationOutcome> ExecuteAsync(ReplicationJob job, CancellationToken cancellationToken)
    {
        var source = nodes.Find(job.VirtualStorage, job.SourceStorage);
        var target = nodes.Find(job.VirtualStorage, job.TargetStorage);
        if (source is null || target is null)
        {
            var missing = source is null ? job.SourceStorage : job.TargetStorage;
            return new ReplicationOutcome.Failed($"storage \"{missing}\" is not configured in virtual storage \"{job.VirtualStorage}\"");
        }

        var generation = await store.GetStorageGenerationAsync(job.VirtualStorage, job.RelativePath, job.SourceStorage, cancellationToken).ConfigureAwait(false);
        try
        {
            return await actions.For(job).RunAsync(job, source, target, generation, cancellationToken).ConfigureAwait(false);
        }
        catch (ReplicationStepException e) when (e.Rpc.StatusCode == StatusCode.Unavailable)
        {
            return new ReplicationOutcome.Unavailable($"{e.Step} on \"{e.Node.Storage}\" at {e.Node.Address}: {e.Rpc.Status.Detail}");
        }
        catch (ReplicationStepException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReplicationOutcome.Failed(e.Message);
        }
    }
}
