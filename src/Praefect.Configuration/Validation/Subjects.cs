using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Validation;

/// <summary>How messages name what they are about: <c>virtual storage 'praefect': node 'praefect-git-2'</c>.</summary>
internal static class Subjects
{
    public static string Storage(VirtualStorageSettings storage) => $"virtual storage {Shown.Quote(storage.Name)}";

    public static string Node(VirtualStorageSettings storage, NodeSettings node, int index) =>
        node.Storage.Length > 0 ? $"{Storage(storage)}: node {Shown.Quote(node.Storage)}" : $"{Storage(storage)}: node {index + 1}";

    /// <summary>Every node with its virtual storage and both indexes, for rules that look at nodes one by one.</summary>
    public static IEnumerable<(VirtualStorageSettings Storage, int StorageIndex, NodeSettings Node, int NodeIndex)> Nodes(PraefectSettings settings) =>
        settings.VirtualStorages.SelectMany((storage, s) => storage.Nodes.Select((node, n) => (storage, s, node, n)));
}
