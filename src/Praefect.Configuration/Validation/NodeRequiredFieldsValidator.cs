using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Every node needs a storage name and an address.</summary>
internal sealed class NodeRequiredFieldsValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, s, node, n) in Subjects.Nodes(context.Settings))
        {
            var subject = Subjects.Node(storage, node, n);
            if (node.Storage.Length == 0)
            {
                context.Error(
                    SettingsSourceMap.Node(s, n),
                    DiagnosticCodes.MissingStorage,
                    $"{subject} has no storage name; set 'storage' => 'praefect-git-{n + 1}'",
                    "the storage name must match the storage configured on that Gitaly node");
            }

            if (node.Address.Length == 0)
            {
                context.Error(
                    SettingsSourceMap.Node(s, n),
                    DiagnosticCodes.MissingAddress,
                    $"{subject} has no address; set 'address' => 'tcp://host:8075'",
                    "praefect dials each node at its address");
            }
        }
    }
}
