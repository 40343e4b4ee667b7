using Praefect.Datastore;

namespace Praefect.Server.Replication.Actions;

/// <summary>Maps a job's change type to the action that runs it.</summary>
internal sealed class ReplicationActions(IDatastore store, ReplicationOptions options, TimeProvider time)
{
    private readonly UpdateAction _update = new(store, options, time);

    /// <summary>The action for <paramref name="job"/>; today every change type is a copy ("update").</summary>
    public IReplicationAction For(ReplicationJob job) => _update;
}
