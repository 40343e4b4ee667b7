using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Node addresses are <c>tcp://host:port</c>, <c>tls://host:port</c> or <c>unix:/path</c>.</summary>
internal sealed class NodeAddressValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (storage, s, node, n) in Subjects.Nodes(context.Settings))
        {
            if (node.Address.Length > 0 && !AddressSyntax.IsNodeAddress(node.Address))
            {
                context.Error(
                    SettingsSourceMap.NodeField(s, n, "address"),
                    DiagnosticCodes.InvalidAddress,
                    $"{Subjects.Node(storage, node, n)} has address {Shown.Quote(node.Address)}, which is not tcp://host:port, tls://host:port or unix:/path; set 'address' => 'tcp://host:8075'",
                    "Gitaly listens on 8075 by default; a tls:// address needs an explicit port");
            }
        }
    }
}
