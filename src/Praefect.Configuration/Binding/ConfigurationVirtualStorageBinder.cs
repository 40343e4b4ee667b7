using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Binding;

/// <summary>
/// <c>praefect['configuration'][:virtual_storage] = [ { name:, default_replication_factor:, node: [ { storage:, address:, token: } ] } ]</c>.
/// The Go Praefect elects primaries itself, so this form usually names none: then the first node
/// listed is the primary here, with a warning that says so (<c>primary: true</c> on a node picks another).
/// </summary>
internal static class ConfigurationVirtualStorageBinder
{
    private static readonly string[] StorageFields = ["name", "node", "default_replication_factor"];

    public static List<VirtualStorageSettings> Bind(RbHashEntry entry, NodeReader reader, DiagnosticBag bag, SettingsSourceMap map)
    {
        var subject = ConfigurationHashReader.Subject(ConfigurationHashReader.Root, ConfigurationHashReader.VirtualStorageKey);
        var storages = new List<VirtualStorageSettings>();
        if (entry.Value is RbNil or RbError)
        {
            return storages;
        }

        if (entry.Value is not RbArray array)
        {
            bag.Error(entry.Value.Span.Start, DiagnosticCodes.WrongType, $"{subject} must be an array of virtual storages, not {entry.Value.TypeName}", "write virtual_storage: [ { name: 'default', node: [ { storage: 'gitaly-1', address: 'tcp://host:8075', token: '...' } ] } ]");
            return storages;
        }

        foreach (var item in array.Items)
        {
            var index = storages.Count;
            if (item is not RbHash storage)
            {
                if (item is not RbError)
                {
                    bag.Error(item.Span.Start, DiagnosticCodes.WrongType, $"{subject} item {index + 1} must be a hash, not {item.TypeName}", "write { name: 'default', node: [ ... ] }");
                }

                continue;
            }

            storages.Add(BindStorage(storage, index, subject, reader, bag, map));
        }

        return storages;
    }

    private static VirtualStorageSettings BindStorage(RbHash storage, int index, string subject, NodeReader reader, DiagnosticBag bag, SettingsSourceMap map)
    {
        map.Set(SettingsSourceMap.VirtualStorage(index), storage.Span.Start);
        var name = "";
        if (storage.Find("name") is { } nameEntry)
        {
            map.Set(SettingsSourceMap.VirtualStorage(index), nameEntry.Value.Span.Start);
            name = new SettingValue($"{subject} item {index + 1}: 'name'", nameEntry.Value, bag).String("");
        }
        else
        {
            bag.Error(storage.Span.Start, DiagnosticCodes.InvalidValue, $"{subject} item {index + 1} has no name", "add name: 'default' (the storage name GitLab uses for this virtual storage)");
        }

        var shown = name.Length > 0 ? $"virtual storage '{name}'" : $"{subject} item {index + 1}";
        foreach (var field in storage.Entries)
        {
            if (field.Name is null || !StorageFields.Contains(field.Name))
            {
                var suggestion = field.Name is null ? null : DidYouMean.Suggest(field.Name, StorageFields);
                bag.Error(field.Key.Span.Start, DiagnosticCodes.UnknownKey, $"{shown} has an unknown key '{field.Name ?? field.Key.TypeName}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}", "a virtual storage takes name:, node: and default_replication_factor:");
            }
        }

        if (storage.Find("default_replication_factor") is { Value: not RbNil } factor)
        {
            new SettingValue($"{shown}: default_replication_factor", factor.Value, bag).Int(0, 1, 1000);
            bag.Warning(factor.Key.Span.Start, DiagnosticCodes.IgnoredKey, $"{shown}: default_replication_factor has no effect here: {OmnibusKeysWithoutEffect.Reasons["default_replication_factor"]}", "remove it to silence this warning");
        }

        var nodes = new List<NodeSettings>();
        switch (storage.Find("node")?.Value)
        {
            case RbArray list:
                foreach (var item in list.Items)
                {
                    if (item is RbHash node)
                    {
                        nodes.Add(reader.Read(node, name, null, index, nodes.Count));
                    }
                    else
                    {
                        map.IncompleteStorages.Add(index);
                        if (item is not RbError)
                        {
                            bag.Error(item.Span.Start, DiagnosticCodes.WrongType, $"{shown}: node {nodes.Count + 1} must be a hash, not {item.TypeName}", "write { storage: 'gitaly-1', address: 'tcp://host:8075', token: '...' }");
                        }
                    }
                }

                break;
            case null or RbNil:
                break;
            case RbError:
                map.IncompleteStorages.Add(index);
                break;
            case var other:
                map.IncompleteStorages.Add(index);
                bag.Error(other.Span.Start, DiagnosticCodes.WrongType, $"{shown}: node must be an array of node hashes, not {other.TypeName}", "write node: [ { storage: 'gitaly-1', address: 'tcp://host:8075', token: '...' } ]");
                break;
        }

        if (nodes.Count > 1 && !nodes.Any(n => n.Primary) && !map.IncompleteStorages.Contains(index))
        {
            bag.Warning(
                map[SettingsSourceMap.VirtualStorage(index)],
                DiagnosticCodes.DefaultPrimary,
                $"{shown} names no primary node; this Praefect sends writes to one primary per virtual storage and uses the first node, '{nodes[0].Storage}'",
                "add primary: true to the node that should take the writes");
            nodes[0] = nodes[0] with { Primary = true };
        }
        else if (nodes.Count == 1 && !nodes[0].Primary)
        {
            nodes[0] = nodes[0] with { Primary = true };
        }

        return new VirtualStorageSettings(name, nodes);
    }
}
