using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Values;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Binding;

/// <summary>Reads one node hash (<c>address</c>, <c>token</c>, <c>primary</c>, and <c>storage</c> in the array form).</summary>
internal sealed class NodeReader(DiagnosticBag bag, SettingsSourceMap map)
{
    private static readonly string[] KeyedFields = ["address", "token", "primary"];
    private static readonly string[] ArrayFields = ["storage", "address", "token", "primary"];

    /// <param name="storageName">The hash key naming the node, or null in the array form (the name is its 'storage').</param>
    public NodeSettings Read(RbHash node, string virtualStorage, string? storageName, int storageIndex, int nodeIndex)
    {
        map.Set(SettingsSourceMap.Node(storageIndex, nodeIndex), node.Span.Start);
        var fields = storageName is null ? ArrayFields : KeyedFields;
        var storage = storageName ?? Text(node, "storage", storageIndex, nodeIndex, $"virtual storage '{virtualStorage}': node {nodeIndex + 1}");
        var subject = storage.Length > 0 ? $"virtual storage '{virtualStorage}': node '{storage}'" : $"virtual storage '{virtualStorage}': node {nodeIndex + 1}";
        foreach (var entry in node.Entries)
        {
            if (entry.Name is null || !fields.Contains(entry.Name))
            {
                ReportUnknownField(entry, fields, subject, storageName);
            }
        }

        var address = Text(node, "address", storageIndex, nodeIndex, subject);
        var token = Text(node, "token", storageIndex, nodeIndex, subject);
        var primary = false;
        if (node.Find("primary") is { } primaryEntry)
        {
            map.Set(SettingsSourceMap.NodeField(storageIndex, nodeIndex, "primary"), primaryEntry.Value.Span.Start);
            switch (primaryEntry.Value)
            {
                case RbBool b:
                    primary = b.Value;
                    break;
                case RbNil:
                    break;
                case RbError:
                    map.IncompleteStorages.Add(storageIndex);
                    break;
                default:
                    map.IncompleteStorages.Add(storageIndex);
                    var quoted = primaryEntry.Value is RbString { Value: "true" or "false" } s ? s.Value : "true";
                    bag.Error(primaryEntry.Value.Span.Start, DiagnosticCodes.WrongType, $"{subject} has 'primary' set to {primaryEntry.Value.TypeName}; it must be true or false", $"write 'primary' => {quoted} without quotes");
                    break;
            }
        }

        return new NodeSettings(storage, address, token, primary);
    }

    private string Text(RbHash node, string field, int storageIndex, int nodeIndex, string subject)
    {
        if (node.Find(field) is not { } entry)
        {
            return "";
        }

        map.Set(SettingsSourceMap.NodeField(storageIndex, nodeIndex, field), entry.Value.Span.Start);
        return new SettingValue($"{subject}: '{field}'", entry.Value, bag).String("");
    }

    private void ReportUnknownField(RbHashEntry entry, string[] fields, string subject, string? storageName)
    {
        var name = entry.Name ?? entry.Key.TypeName;
        if (name == "storage" && storageName is not null)
        {
            bag.Error(entry.Key.Span.Start, DiagnosticCodes.UnknownKey, $"{subject} sets 'storage', but here the storage name is the hash key", $"remove 'storage'; the node is named by its key '{storageName}'");
            return;
        }

        var suggestion = entry.Name is null ? null : DidYouMean.Suggest(entry.Name, fields);
        bag.Error(
            entry.Key.Span.Start,
            DiagnosticCodes.UnknownKey,
            suggestion is null ? $"{subject} has an unknown key '{name}'" : $"{subject} has an unknown key '{name}'; did you mean '{suggestion}'?",
            suggestion is null ? $"a node takes {string.Join(", ", fields.Select(f => $"'{f}'"))}" : $"rename it to '{suggestion}'");
    }
}
