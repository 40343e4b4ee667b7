using Praefect.Datastore;
using Praefect.Server.Metrics;

namespace Praefect.Server.Replication.Actions;

/// <summary>Maps a job's change type to the action that runs it: "delete", "rename", else a copy ("update").</summary>
internal sealed class ReplicationActions
{
    private readonly UpdateAction _update;
    private readonly RemoveAction _remove;
    private readonly RenameAction _rename;

    public ReplicationActions(IDatastore store, ReplicationOptions options, TimeProvider time, PraefectMetrics metrics)
    {
        var calls = new NodeCalls(options, time);
        _update = new UpdateAction(store, calls, metrics);
        _remove = new RemoveAction(store, calls);
        _rename = new RenameAction(calls, _remove, _update);
    }

    public IReplicationAction For(ReplicationJob job) => job.ChangeType switch
    {
        ChangeTypes.Delete => _remove,
        ChangeTypes.Rename => _rename,
        _ => _update,
    };
}
