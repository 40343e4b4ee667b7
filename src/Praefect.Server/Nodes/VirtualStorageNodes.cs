namespace Praefect.Server.Nodes;

/// <summary>The nodes behind one virtual storage, with the current primary.</summary>
internal sealed class VirtualStorageNodes
{
    public VirtualStorageNodes(string name, NodeConnection primary, IReadOnlyList<NodeConnection> nodes)
    {
        Name = name;
        Primary = primary;
        Nodes = nodes;
        Secondaries = nodes.Where(n => !ReferenceEquals(n, primary)).ToArray();
    }

    public string Name { get; }

    public NodeConnection Primary { get; }

    /// <summary>Every node, in config order.</summary>
    public IReadOnlyList<NodeConnection> Nodes { get; }

    public IReadOnlyList<NodeConnection> Secondaries { get; }

    public NodeConnection? Find(string storage) => Nodes.FirstOrDefault(n => n.Storage == storage);
}
