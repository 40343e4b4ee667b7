using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Warns when two nodes share an address: "replicas" on one Gitaly are no redundancy.</summary>
internal sealed class DuplicateAddressValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        var first = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (storage, s, node, n) in Subjects.Nodes(context.Settings))
        {
            if (node.Address.Length == 0)
            {
                continue;
            }

            var subject = Subjects.Node(storage, node, n);
            if (first.TryGetValue(node.Address, out var earlier))
            {
                context.Warning(
                    SettingsSourceMap.NodeField(s, n, "address"),
                    DiagnosticCodes.DuplicateAddress,
                    $"{subject} has the same address '{node.Address}' as {earlier}; give each node its own Gitaly",
                    "two nodes on one Gitaly server do not protect against losing that server");
            }
            else
            {
                first[node.Address] = subject;
            }
        }
    }
}
