using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Syntax;
using Praefect.Configuration.Settings;
using Praefect.Protocol.Addressing;

namespace Praefect.Configuration.Binding;

/// <summary>A <c>tcp://host</c> address without a port gets Gitaly's default port, with a warning that says so.</summary>
internal static class NodeAddressNormaliser
{
    public const int GitalyDefaultPort = 8075;

    public static string Normalise(NodeSettings node, string virtualStorage, TextPosition at, DiagnosticBag bag)
    {
        if (!node.Address.StartsWith("tcp://", StringComparison.Ordinal) || GitalyAddress.TryParse(node.Address, out _, out _))
        {
            return node.Address;
        }

        // Only an address that is valid once the port is added lacks just the port.
        var withPort = $"{node.Address}:{GitalyDefaultPort}";
        if (!GitalyAddress.TryParse(withPort, out _, out _))
        {
            return node.Address;
        }

        bag.Warning(
            at,
            DiagnosticCodes.DefaultPort,
            $"virtual storage '{virtualStorage}': node '{node.Storage}' address '{node.Address}' has no port; using Gitaly's default port {GitalyDefaultPort}",
            $"write '{withPort}' to make the port explicit");
        return withPort;
    }
}
