using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Binding;

/// <summary>
/// Normalises every historical node-list form into virtual storages with nodes, in file order.
/// Duplicates are kept (the validators report them). The old forms get a deprecation warning that
/// prints the same nodes as <c>praefect['virtual_storages']</c>.
/// </summary>
internal static class NodeListBinder
{
    public const string DefaultVirtualStorageName = "praefect";

    public static IReadOnlyList<VirtualStorageSettings> Bind(RbHash praefect, RbHashEntry? configured, DiagnosticBag bag, SettingsSourceMap map)
    {
        var name = praefect.Find("virtual_storage_name");
        var storageNodes = praefect.Find("storage_nodes") is { Value: not RbNil } s ? s : null;
        var virtualStorages = praefect.Find("virtual_storages") is { Value: not RbNil } v ? v : null;
        var reader = new NodeReader(bag, map);
        if (configured is { Value: not RbNil })
        {
            foreach (var flat in new[] { virtualStorages, storageNodes, name }.OfType<RbHashEntry>())
            {
                bag.Error(
                    flat.Key.Span.Start,
                    DiagnosticCodes.ConflictingKeys,
                    $"praefect['{flat.Name}'] and praefect['configuration'][:virtual_storage] (at {configured.Key.Span.Start}) both set the virtual storages",
                    "keep only praefect['configuration'][:virtual_storage]; the flat keys are the pre-15.9 form of the same list");
            }

            return Normalise(ConfigurationVirtualStorageBinder.Bind(configured, reader, bag, map), bag, map);
        }

        if (virtualStorages is not null)
        {
            if (storageNodes is not null)
            {
                bag.Error(storageNodes.Key.Span.Start, DiagnosticCodes.ConflictingKeys, "praefect['storage_nodes'] and praefect['virtual_storages'] are both set", "keep only praefect['virtual_storages']; storage_nodes is the old form of the same list");
            }

            if (name is not null)
            {
                bag.Warning(name.Key.Span.Start, DiagnosticCodes.Deprecated, "praefect['virtual_storage_name'] is ignored when praefect['virtual_storages'] is set", "remove it; the keys of virtual_storages name the virtual storages");
            }

            return Normalise(BindVirtualStorages(virtualStorages.Value, reader, bag, map), bag, map);
        }

        var storageName = name is null ? DefaultVirtualStorageName : new SettingValue("praefect['virtual_storage_name']", name.Value, bag).String(DefaultVirtualStorageName);
        if (storageNodes is null)
        {
            if (name is null)
            {
                return [];
            }

            map.Set(SettingsSourceMap.VirtualStorage(0), name.Value.Span.Start);
            return [new VirtualStorageSettings(storageName, [])];
        }

        map.Set(SettingsSourceMap.VirtualStorage(0), (name ?? storageNodes).Value.Span.Start);
        var (form, nodes) = storageNodes.Value switch
        {
            RbArray array => (NodeListForm.StorageNodesArray, BindNodeArray(array, storageName, reader, bag, map)),
            RbHash hash => (NodeListForm.StorageNodesHash, BindNodeHash(hash, storageName, 0, reader, bag, map)),
            RbError => (NodeListForm.StorageNodesArray, (IReadOnlyList<NodeSettings>)[]),
            _ => (NodeListForm.StorageNodesArray, WrongType(storageNodes, "an array of node hashes", bag)),
        };
        var storages = Normalise([new VirtualStorageSettings(storageName, nodes)], bag, map);
        if (storageNodes.Value is RbArray or RbHash)
        {
            ReportDeprecated(form, storageNodes, storages, bag);
        }
        else
        {
            map.IncompleteStorages.Add(0);
        }

        return storages;
    }

    private static List<VirtualStorageSettings> BindVirtualStorages(RbValue value, NodeReader reader, DiagnosticBag bag, SettingsSourceMap map)
    {
        if (value is not RbHash hash)
        {
            WrongType(value, "praefect['virtual_storages']", "a hash of virtual storage names to nodes", bag);
            return [];
        }

        var storages = new List<VirtualStorageSettings>();
        foreach (var entry in hash.Entries)
        {
            var index = storages.Count;
            var name = entry.Name ?? "";
            map.Set(SettingsSourceMap.VirtualStorage(index), entry.Key.Span.Start);
            if (entry.Name is null)
            {
                bag.Error(entry.Key.Span.Start, DiagnosticCodes.InvalidKey, $"praefect['virtual_storages'] has {entry.Key.TypeName} as a virtual storage name", "quote the name: 'praefect' => { ... }");
                continue;
            }

            IReadOnlyList<NodeSettings> nodes = entry.Value switch
            {
                RbHash nodesHash => BindNodeHash(NodesOf(nodesHash, name, bag), name, index, reader, bag, map),
                RbNil => [],
                _ => Incomplete(entry.Value, $"virtual storage '{name}'", index, bag, map),
            };
            storages.Add(new VirtualStorageSettings(name, nodes));
        }

        return storages;
    }

    /// <summary>
    /// The nodes of one virtual storage: its 'nodes' hash (13.12+) plus, as Omnibus does, every other key
    /// but the virtual storage's own settings (the older form put the nodes right there).
    /// </summary>
    private static RbHash NodesOf(RbHash storage, string storageName, DiagnosticBag bag)
    {
        var nodes = new RbHash(storage.Span);
        foreach (var entry in storage.Entries)
        {
            if (entry.Name == "nodes" && entry.Value is RbHash nested)
            {
                foreach (var node in nested.Entries)
                {
                    nodes.Add(node.Key, node.Value);
                }
            }
            else if (entry.Name == "nodes" && entry.Value is not (RbNil or RbError))
            {
                bag.Error(entry.Value.Span.Start, DiagnosticCodes.WrongType, $"virtual storage '{storageName}': 'nodes' must be a hash of node names to node settings, not {entry.Value.TypeName}", "write 'nodes' => { 'praefect-git-1' => { 'address' => 'tcp://host:8075', 'token' => '...' } }");
            }
            else if (entry.Name == "default_replication_factor")
            {
                if (entry.Value is not RbNil)
                {
                    new SettingValue($"virtual storage '{storageName}': 'default_replication_factor'", entry.Value, bag).Int(0, 1, 1000);
                    bag.Warning(entry.Key.Span.Start, DiagnosticCodes.IgnoredKey, $"virtual storage '{storageName}': 'default_replication_factor' has no effect here: {OmnibusKeysWithoutEffect.Reasons["default_replication_factor"]}", "remove it to silence this warning");
                }
            }
            else if (entry.Name != "nodes")
            {
                nodes.Add(entry.Key, entry.Value);
            }
        }

        return nodes;
    }

    private static List<NodeSettings> BindNodeArray(RbArray array, string storageName, NodeReader reader, DiagnosticBag bag, SettingsSourceMap map)
    {
        var nodes = new List<NodeSettings>();
        foreach (var item in array.Items)
        {
            if (item is RbHash node)
            {
                nodes.Add(reader.Read(node, storageName, null, 0, nodes.Count));
            }
            else
            {
                map.IncompleteStorages.Add(0);
            }

            if (item is not (RbHash or RbError))
            {
                bag.Error(item.Span.Start, DiagnosticCodes.WrongType, $"virtual storage '{storageName}': node {nodes.Count + 1} must be a hash, not {item.TypeName}", "write { 'storage' => 'praefect-git-1', 'address' => 'tcp://host:8075', 'token' => '...' }");
            }
        }

        return nodes;
    }

    private static List<NodeSettings> BindNodeHash(RbHash hash, string storageName, int storageIndex, NodeReader reader, DiagnosticBag bag, SettingsSourceMap map)
    {
        var nodes = new List<NodeSettings>();
        foreach (var entry in hash.Entries)
        {
            if (entry.Name is null)
            {
                bag.Error(entry.Key.Span.Start, DiagnosticCodes.InvalidKey, $"virtual storage '{storageName}' has {entry.Key.TypeName} as a node name", "quote the node name: 'praefect-git-1' => { ... }");
                map.IncompleteStorages.Add(storageIndex);
            }
            else if (entry.Value is RbHash node)
            {
                nodes.Add(reader.Read(node, storageName, entry.Name, storageIndex, nodes.Count));
            }
            else
            {
                map.IncompleteStorages.Add(storageIndex);
            }

            if (entry.Name is not null && entry.Value is not (RbHash or RbError))
            {
                bag.Error(entry.Value.Span.Start, DiagnosticCodes.WrongType, $"virtual storage '{storageName}': node '{entry.Name}' must be a hash, not {entry.Value.TypeName}", "write 'praefect-git-1' => { 'address' => 'tcp://host:8075', 'token' => '...' }");
            }
        }

        return nodes;
    }

    private static List<VirtualStorageSettings> Normalise(List<VirtualStorageSettings> storages, DiagnosticBag bag, SettingsSourceMap map) =>
        storages.Select((storage, s) => storage with
        {
            Nodes = storage.Nodes.Select((node, n) => node with
            {
                Address = NodeAddressNormaliser.Normalise(node, storage.Name, map[SettingsSourceMap.NodeField(s, n, "address")], bag),
            }).ToList(),
        }).ToList();

    private static void ReportDeprecated(NodeListForm form, RbHashEntry storageNodes, IReadOnlyList<VirtualStorageSettings> storages, DiagnosticBag bag)
    {
        var what = form == NodeListForm.StorageNodesArray ? "an array of nodes" : "a hash of nodes";
        bag.Warning(
            storageNodes.Key.Span.Start,
            DiagnosticCodes.Deprecated,
            $"praefect['storage_nodes'] as {what} (with praefect['virtual_storage_name']) is deprecated",
            "replace praefect['virtual_storage_name'] and praefect['storage_nodes'] with the same nodes in the current form (tokens shown as [REDACTED]; keep your values):\n"
            + VirtualStoragesPrinter.Print(storages));
    }

    private static IReadOnlyList<NodeSettings> Incomplete(RbValue value, string subject, int index, DiagnosticBag bag, SettingsSourceMap map)
    {
        map.IncompleteStorages.Add(index);
        return value is RbError ? [] : WrongType(value, subject, "a hash of node names to node settings", bag);
    }

    private static IReadOnlyList<NodeSettings> WrongType(RbHashEntry entry, string expected, DiagnosticBag bag) =>
        WrongType(entry.Value, $"praefect['{entry.Name}']", expected, bag);

    private static IReadOnlyList<NodeSettings> WrongType(RbValue value, string subject, string expected, DiagnosticBag bag)
    {
        bag.Error(value.Span.Start, DiagnosticCodes.WrongType, $"{subject} must be {expected}, not {value.TypeName}", "see docs/examples/gitlab.rb for the shape");
        return [];
    }
}
