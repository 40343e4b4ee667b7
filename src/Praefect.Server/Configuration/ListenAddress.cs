using System.Net;

namespace Praefect.Server.Configuration;

/// <summary>A listener's <c>host:port</c> (optionally <c>tcp://host:port</c>); an empty host or 0.0.0.0 listens on all addresses.</summary>
internal sealed record ListenAddress(string Host, int Port)
{
    public static bool TryParse(string value, out ListenAddress? address)
    {
        address = null;
        var trimmed = value.Trim();
        if (trimmed.StartsWith("tcp://", StringComparison.Ordinal))
        {
            trimmed = trimmed[6..];
        }

        if (!NodeAddress.TrySplitHostPort(trimmed, out var host, out var port))
        {
            return false;
        }

        address = new ListenAddress(host, port);
        return true;
    }

    /// <summary>True for an empty host: listen on every address (IPv6 and IPv4).</summary>
    public bool IsAnyAddress => Host.Length == 0;

    public bool IsLocalhost => Host == "localhost";

    /// <summary>The IP addresses to bind for a named or literal host.</summary>
    public IPAddress[] Resolve() => IPAddress.TryParse(Host, out var ip) ? [ip] : Dns.GetHostAddresses(Host);
}
