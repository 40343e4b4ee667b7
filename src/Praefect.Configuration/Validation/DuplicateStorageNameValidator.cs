using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Node storage names must be unique within a virtual storage.</summary>
internal sealed class DuplicateStorageNameValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, s) in context.Settings.VirtualStorages.Select((v, i) => (v, i)))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (node, n) in storage.Nodes.Select((node, n) => (node, n)))
            {
                if (node.Storage.Length > 0 && !seen.Add(node.Storage))
                {
                    context.Error(
                        SettingsSourceMap.Node(s, n),
                        DiagnosticCodes.DuplicateStorage,
                        $"{Subjects.Storage(storage)}: node '{node.Storage}' is defined twice; give each node its own storage name",
                        "the storage name identifies a node in the replication queue and in repository paths");
                }
            }
        }
    }
}
