using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Every virtual storage needs at least one node.</summary>
internal sealed class VirtualStorageWithoutNodesValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, index) in context.Settings.VirtualStorages.Select((s, i) => (s, i)))
        {
            if (storage.Nodes.Count == 0 && !context.Map.IncompleteStorages.Contains(index))
            {
                context.Error(
                    SettingsSourceMap.VirtualStorage(index),
                    DiagnosticCodes.NoNodes,
                    $"{Subjects.Storage(storage)} has no nodes; add one such as 'praefect-git-1' => {{ 'address' => 'tcp://host:8075', 'primary' => true }}",
                    "praefect routes a virtual storage to its Gitaly nodes");
            }
        }
    }
}
