using System.Globalization;
using System.Net;

namespace Praefect.Configuration.Validation;

/// <summary>The address shapes Praefect accepts: <c>host:port</c> listeners and node addresses.</summary>
internal static class AddressSyntax
{
    /// <summary><c>host:port</c>, <c>:port</c> (all interfaces) or <c>[::1]:port</c>; port 0..65535.</summary>
    public static bool TryParseHostPort(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        host = text[..colon];
        var portText = text[(colon + 1)..];
        if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit) || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            return false;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        return host.Length == 0 || (host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && !host.StartsWith('-'));
    }

    /// <summary><c>tcp://host[:port]</c> (port already defaulted by binding), <c>tls://host:port</c> or <c>unix:/path</c>.</summary>
    public static bool IsNodeAddress(string address)
    {
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = address["unix:".Length..];
            return path.StartsWith('/') && !path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
        }

        foreach (var scheme in new[] { "tcp://", "tls://" })
        {
            if (address.StartsWith(scheme, StringComparison.Ordinal))
            {
                return TryParseHostPort(address[scheme.Length..], out var host, out var port) && host.Length > 0 && port > 0;
            }
        }

        return false;
    }

    /// <summary>True when a listener on this host is reachable only from this machine.</summary>
    public static bool IsLoopback(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var ip) && IPAddress.IsLoopback(ip);
    }
}
