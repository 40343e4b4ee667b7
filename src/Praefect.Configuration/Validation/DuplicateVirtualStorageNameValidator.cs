using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Virtual storage names must be unique: clients address a virtual storage by name.</summary>
internal sealed class DuplicateVirtualStorageNameValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (storage, index) in context.Settings.VirtualStorages.Select((v, i) => (v, i)))
        {
            if (!seen.Add(storage.Name))
            {
                context.Error(
                    SettingsSourceMap.VirtualStorage(index),
                    DiagnosticCodes.DuplicateVirtualStorage,
                    $"{Subjects.Storage(storage)} is defined twice; merge the two into one entry of praefect['virtual_storages']",
                    "in a Ruby hash the later entry would silently replace the earlier one");
            }
        }
    }
}
