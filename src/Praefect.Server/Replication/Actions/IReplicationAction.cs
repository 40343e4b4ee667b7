using Praefect.Datastore;

namespace Praefect.Server.Replication.Actions;

/// <summary>What one kind of job (its <see cref="ReplicationJob.ChangeType"/>) does to the nodes.</summary>
internal interface IReplicationAction
{
    /// <summary>Does the job's work on the nodes; throws <see cref="ReplicationStepException"/> for a failed node call.</summary>
    /// <param name="job">The leased job.</param>
    /// <param name="source">The node to copy from (chosen by the executor).</param>
    /// <param name="target">The node the job brings up to date.</param>
    /// <param name="sourceGeneration">The generation the source held before the copy (null when none is recorded).</param>
    /// <param name="cancellationToken">Cancelled on stop or when the lease is lost.</param>
    Task<ReplicationOutcome> RunAsync(ReplicationJob job, ReplicationNode source, ReplicationNode target, long? sourceGeneration, CancellationToken cancellationToken);
}
