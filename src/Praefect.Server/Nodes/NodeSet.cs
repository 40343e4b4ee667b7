namespace Praefect.Server.Nodes;

/// <summary>An immutable snapshot of every virtual storage and its node connections. A reload swaps the whole set.</summary>
internal sealed class NodeSet
{
    private readonly Dictionary<string, VirtualStorageNodes> _byName;

    public NodeSet(IReadOnlyList<VirtualStorageNodes> virtualStorages)
    {
        VirtualStorages = virtualStorages;
        _byName = virtualStorages.ToDictionary(v => v.Name, StringComparer.Ordinal);
        KnownNames = string.Join(", ", virtualStorages.Select(v => "\"" + v.Name + "\""));
    }

    public IReadOnlyList<VirtualStorageNodes> VirtualStorages { get; }

    /// <summary>The virtual storage names, quoted and comma-separated, for error messages.</summary>
    public string KnownNames { get; }

    public bool TryGet(string virtualStorage, out VirtualStorageNodes nodes) =>
        _byName.TryGetValue(virtualStorage, out nodes!);
}
