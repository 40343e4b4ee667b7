using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb.Syntax;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Binding;

/// <summary>A <c>tcp://host</c> address without a port gets Gitaly's default port, with a warning that says so.</summary>
internal static class NodeAddressNormaliser
{
    public const int GitalyDefaultPort = 8075;

    public static string Normalise(NodeSettings node, string virtualStorage, TextPosition at, DiagnosticBag bag)
    {
        const string scheme = "tcp://";
        if (!node.Address.StartsWith(scheme, StringComparison.Ordinal))
        {
            return node.Address;
        }

        var host = node.Address[scheme.Length..];
        var hasPort = host.StartsWith('[') ? host.Contains("]:", StringComparison.Ordinal) : host.Contains(':', StringComparison.Ordinal);
        if (host.Length == 0 || hasPort || host.Contains('/', StringComparison.Ordinal) || host.Any(char.IsWhiteSpace))
        {
            return node.Address;
        }

        var withPort = $"{node.Address}:{GitalyDefaultPort}";
        bag.Warning(
            at,
            DiagnosticCodes.DefaultPort,
            $"virtual storage '{virtualStorage}': node '{node.Storage}' address '{node.Address}' has no port; using Gitaly's default port {GitalyDefaultPort}",
            $"write '{withPort}' to make the port explicit");
        return withPort;
    }
}
