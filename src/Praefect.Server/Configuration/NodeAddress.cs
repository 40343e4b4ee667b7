namespace Praefect.Server.Configuration;

/// <summary>
/// A node's <c>address</c>: <c>tcp://host:port</c> (h2c), <c>tls://host:port</c> (h2 over TLS) or
/// <c>unix:/path/to.socket</c>. <see cref="DestinationPrefix"/> is the URI prefix requests are sent to.
/// </summary>
public sealed record NodeAddress(string Original, string Scheme, string Host, int Port, string SocketPath)
{
    public bool IsUnixSocket => Scheme == "unix";

    public string DestinationPrefix => Scheme switch
    {
        "unix" => "http://localhost",
        "tls" => $"https://{HostForUri}:{Port}",
        _ => $"http://{HostForUri}:{Port}",
    };

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;

    public static bool TryParse(string address, out NodeAddress? parsed, out string error)
    {
        parsed = null;
        var value = address.Trim();
        if (value.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = value["unix:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (!path.StartsWith('/'))
            {
                error = $"'{address}' is not a valid unix socket address; use an absolute path like 'unix:/var/opt/gitlab/gitaly/gitaly.socket'";
                return false;
            }

            parsed = new NodeAddress(address, "unix", "", 0, path);
            error = "";
            return true;
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : value[..schemeEnd];
        if (scheme is not ("tcp" or "tls"))
        {
            error = $"'{address}' has no supported scheme; use 'tcp://host:port', 'tls://host:port' or 'unix:/path'";
            return false;
        }

        if (!TrySplitHostPort(value[(schemeEnd + 3)..], out var host, out var port) || host.Length == 0)
        {
            error = $"'{address}' is not host:port; use e.g. '{scheme}://gitaly1.internal:8075'";
            return false;
        }

        parsed = new NodeAddress(address, scheme, host, port, "");
        error = "";
        return true;
    }

    /// <summary>Splits <c>host:port</c> or <c>[v6]:port</c>; the host may be empty (<c>:2305</c>).</summary>
    public static bool TrySplitHostPort(string value, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return int.TryParse(value[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port)
            && port is >= 0 and <= 65535;
    }
}
