using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>A virtual storage with nodes needs a primary: writes go there.</summary>
internal sealed class NoPrimaryValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, index) in context.Settings.VirtualStorages.Select((s, i) => (s, i)))
        {
            if (storage.Nodes.Count > 0 && !storage.Nodes.Any(n => n.Primary) && !context.Map.IncompleteStorages.Contains(index))
            {
                var first = storage.Nodes[0].Storage.Length > 0 ? $"'{storage.Nodes[0].Storage}'" : "the first node";
                context.Error(
                    SettingsSourceMap.VirtualStorage(index),
                    DiagnosticCodes.NoPrimary,
                    $"{Subjects.Storage(storage)} has no primary node; set 'primary' => true on one node, such as {first}",
                    "praefect sends every write to the primary and replicates it to the other nodes");
            }
        }
    }
}
