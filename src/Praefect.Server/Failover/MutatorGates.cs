using System.Collections.Concurrent;

namespace Praefect.Server.Failover;

/// <summary>One <see cref="MutatorGate"/> per virtual storage, created on first use.</summary>
internal sealed class MutatorGates
{
    private readonly ConcurrentDictionary<string, MutatorGate> _gates = new(StringComparer.Ordinal);

    public MutatorGate For(string virtualStorage) => _gates.GetOrAdd(virtualStorage, _ => new MutatorGate());
}
