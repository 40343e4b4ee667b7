using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Only one node of a virtual storage may be the primary.</summary>
internal sealed class MultiplePrimariesValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, index) in context.Settings.VirtualStorages.Select((s, i) => (s, i)))
        {
            var primaries = storage.Nodes.Select((node, n) => (node, n)).Where(x => x.node.Primary).ToList();
            if (primaries.Count < 2)
            {
                continue;
            }

            var names = string.Join(", ", primaries.Select(p => $"'{p.node.Storage}'"));
            context.Error(
                SettingsSourceMap.NodeField(index, primaries[1].n, "primary"),
                DiagnosticCodes.MultiplePrimaries,
                $"{Subjects.Storage(storage)} has {primaries.Count} primary nodes ({names}); keep 'primary' => true on one node only",
                "a virtual storage has exactly one primary; fail over by moving 'primary' => true");
        }
    }
}
