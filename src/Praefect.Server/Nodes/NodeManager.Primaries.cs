using Praefect.Server.Failover;

namespace Praefect.Server.Nodes;

/// <summary>
/// The recorded primaries (failover): the config's <c>primary: true</c> is only the initial primary;
/// once the datastore holds a primary for a virtual storage, that one is routed to, also after a
/// reload. A recorded primary that is no longer configured is ignored (the config's applies).
/// </summary>
internal sealed partial class NodeManager : IPrimarySwitcher
{
    private readonly Dictionary<string, string> _recordedPrimaries = new(StringComparer.Ordinal);

    public bool SetPrimary(string virtualStorage, string storage)
    {
        NodeSet next;
        lock (_gate)
        {
            if (!_current.TryGet(virtualStorage, out var nodes) || nodes.Find(storage) is null)
            {
                return false;
            }

            _recordedPrimaries[virtualStorage] = storage;
            if (nodes.Primary.Storage == storage)
            {
                return true;
            }

            next = new NodeSet(WithRecordedPrimaries(_current.VirtualStorages));
            _current = next;
        }

        Changed?.Invoke(next);
        return true;
    }

    /// <summary>Called under the lock by <see cref="Apply"/> and <see cref="SetPrimary"/>.</summary>
    private List<VirtualStorageNodes> WithRecordedPrimaries(IEnumerable<VirtualStorageNodes> storages) =>
        storages
            .Select(vs => _recordedPrimaries.TryGetValue(vs.Name, out var recorded) && vs.Find(recorded) is { } primary && !ReferenceEquals(primary, vs.Primary)
                ? new VirtualStorageNodes(vs.Name, primary, vs.Nodes)
                : vs)
            .ToList();
}
