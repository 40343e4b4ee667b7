using Praefect.Protocol.Addressing;

namespace Praefect.Configuration.Validation;

/// <summary>The address shapes the gitlab.rb validators accept, as <see cref="GitalyAddress"/> parses them.</summary>
internal static class AddressSyntax
{
    /// <summary><c>host:port</c>, <c>:port</c> (all interfaces) or <c>[::1]:port</c>; port 0..65535; no scheme.</summary>
    public static bool TryParseHostPort(string text, out string host, out int port) =>
        GitalyAddress.TrySplitHostPort(text, out host, out port);

    /// <summary><c>tcp://host:port</c> (port already defaulted by binding), <c>tls://host:port</c> or <c>unix:/path</c>.</summary>
    public static bool IsNodeAddress(string address) => GitalyAddress.TryParse(address, out _, out _);

    /// <summary>True when a listener on this host is reachable only from this machine.</summary>
    public static bool IsLoopback(string host) => GitalyAddress.IsLoopbackHost(host);
}
