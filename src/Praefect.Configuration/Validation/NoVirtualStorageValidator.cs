using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>An enabled Praefect needs at least one virtual storage.</summary>
internal sealed class NoVirtualStorageValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        if (context.Settings.Enable && context.Settings.VirtualStorages.Count == 0)
        {
            context.Error(
                SettingsSourceMap.Key("enable"),
                DiagnosticCodes.NoVirtualStorage,
                "praefect is enabled but has no virtual storage; set praefect['virtual_storages'] = { 'praefect' => { 'praefect-git-1' => { 'address' => 'tcp://host:8075', 'primary' => true } } }",
                "a virtual storage groups the Gitaly nodes that praefect routes to");
        }
    }
}
