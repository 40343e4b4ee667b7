using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Tests.Failover;

/// <summary>Node health set by the test.</summary>
internal sealed class FakeNodeHealth : INodeHealth
{
    private readonly Dictionary<(string, string), DateTimeOffset> _unhealthySince = [];

    public event Action<NodeHealthSnapshot>? Changed;

    public void SetUnhealthy(string virtualStorage, string storage, DateTimeOffset since)
    {
        lock (_unhealthySince)
        {
            _unhealthySince[(virtualStorage, storage)] = since;
        }

        Changed?.Invoke(Get(virtualStorage, storage));
    }

    public bool IsHealthy(string virtualStorage, string storage) => Get(virtualStorage, storage).Healthy;

    public NodeHealthSnapshot Get(string virtualStorage, string storage)
    {
        lock (_unhealthySince)
        {
            return _unhealthySince.TryGetValue((virtualStorage, storage), out var since)
                ? new NodeHealthSnapshot(virtualStorage, storage, false, since, since)
                : new NodeHealthSnapshot(virtualStorage, storage, true, null, null);
        }
    }
}
