using Praefect.Datastore;
using Praefect.Server.Metrics;

namespace Praefect.Server.Replication.Actions;

/// <summary>Maps a job's change type to the action that runs it.</summary>
internal sealed class ReplicationActions(IDatastore store, ReplicationOptions options, TimeProvider time, PraefectMetrics metrics)
{
    private readonly UpdateAction _update = new(store, options, time, metrics);

    /// <summary>The action for <paramref name="job"/>; today every change type is a copy ("update").</summary>
    public IReplicationAction For(ReplicationJob job) => _update;
}
