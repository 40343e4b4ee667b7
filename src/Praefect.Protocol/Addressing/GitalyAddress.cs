using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Praefect.Protocol.Addressing;

/// <summary>
/// A Gitaly-protocol address, the one parser of them: a node (or praefect) to dial,
/// <c>tcp://host:port</c>, <c>tls://host:port</c> or <c>unix:/path</c> (<see cref="TryParse"/>), or a
/// listener, <c>host:port</c>, <c>:port</c> or <c>[::1]:port</c> with an optional <c>tcp://</c>
/// (<see cref="TryParseListen"/>). <see cref="ToString"/> formats it back, <see cref="DialUri"/> is
/// where gRPC sends requests and <see cref="GitalyChannels"/> opens channels to it.
/// </summary>
public sealed record GitalyAddress
{
    private const string UnixPrefix = "unix:";
    private const string TcpPrefix = "tcp://";
    private const string TlsPrefix = "tls://";

    private GitalyAddress(GitalyAddressScheme scheme, string host, int port, string socketPath)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        SocketPath = socketPath;
    }

    public GitalyAddressScheme Scheme { get; }

    /// <summary>The host name or IP literal without IPv6 brackets; empty for a unix socket or an all-interfaces listener.</summary>
    public string Host { get; }

    /// <summary>0 for a unix socket (and for a listener that lets the OS choose).</summary>
    public int Port { get; }

    /// <summary>The absolute socket path of a <c>unix:</c> address; empty otherwise.</summary>
    public string SocketPath { get; }

    public bool IsUnixSocket => Scheme == GitalyAddressScheme.Unix;

    /// <summary>A listener with an empty host (<c>:2305</c>): every interface, IPv6 and IPv4.</summary>
    public bool IsAnyHost => Host.Length == 0;

    public bool IsLocalhost => Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the host is reachable only from this machine (localhost or a loopback IP).</summary>
    public bool IsLoopback => IsUnixSocket || IsLoopbackHost(Host);

    /// <summary><c>host:port</c>, an IPv6 host in brackets.</summary>
    public string HostPort => $"{HostForUri}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The URI prefix gRPC requests go to: <c>http://host:port</c>, <c>https://host:port</c>, or <c>http://localhost</c> for a socket.</summary>
    public string DialUri => Scheme switch
    {
        GitalyAddressScheme.Unix => "http://localhost",
        GitalyAddressScheme.Tls => "https://" + HostPort,
        _ => "http://" + HostPort,
    };

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;

    /// <summary>A node address: <c>tcp://host:port</c>, <c>tls://host:port</c> or <c>unix:/absolute/path</c> (also <c>unix:///path</c>).</summary>
    public static bool TryParse(string text, out GitalyAddress address, out string error)
    {
        address = null!;
        if (text.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            var path = text[UnixPrefix.Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (!path.StartsWith('/') || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                error = $"'{text}' is not a valid unix socket address; use an absolute path like 'unix:/var/opt/gitlab/gitaly/gitaly.socket'";
                return false;
            }

            address = new GitalyAddress(GitalyAddressScheme.Unix, "", 0, path);
            error = "";
            return true;
        }

        var scheme = text.StartsWith(TcpPrefix, StringComparison.Ordinal) ? GitalyAddressScheme.Tcp
            : text.StartsWith(TlsPrefix, StringComparison.Ordinal) ? GitalyAddressScheme.Tls
            : (GitalyAddressScheme?)null;
        if (scheme is null)
        {
            error = $"'{text}' has no supported scheme; use 'tcp://host:port', 'tls://host:port' or 'unix:/path'";
            return false;
        }

        if (!TrySplitHostPort(text[TcpPrefix.Length..], out var host, out var port) || host.Length == 0 || port == 0)
        {
            error = $"'{text}' is not host:port; use e.g. '{text[..3]}://gitaly1.internal:8075'";
            return false;
        }

        address = new GitalyAddress(scheme.Value, host, port, "");
        error = "";
        return true;
    }

    /// <summary>A listener: <c>host:port</c>, <c>:port</c> (every interface) or <c>[::1]:port</c>, optionally after <c>tcp://</c>; port 0 lets the OS choose.</summary>
    public static bool TryParseListen(string text, out GitalyAddress address, out string error)
    {
        address = null!;
        var hostPort = text.StartsWith(TcpPrefix, StringComparison.Ordinal) ? text[TcpPrefix.Length..] : text;
        if (!TrySplitHostPort(hostPort, out var host, out var port))
        {
            error = $"'{text}' is not host:port; use e.g. 'localhost:2305' or '0.0.0.0:2305'";
            return false;
        }

        address = new GitalyAddress(GitalyAddressScheme.Tcp, host, port, "");
        error = "";
        return true;
    }

    /// <summary>
    /// Splits <c>host:port</c>: the host is empty, a name of letters, digits, '.', '-' and '_' (not
    /// starting with '-'), an IPv4 literal, or an IPv6 literal in brackets (returned without them);
    /// the port is 0..65535 in decimal digits.
    /// </summary>
    public static bool TrySplitHostPort(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var portText = text[(colon + 1)..];
        if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            port = 0;
            return false;
        }

        var hostText = text[..colon];
        if (hostText.StartsWith('[') && hostText.EndsWith(']'))
        {
            host = hostText[1..^1];
            return IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
        }

        host = hostText;
        return hostText.Length == 0 || (hostText.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && !hostText.StartsWith('-'));
    }

    /// <summary>True for <c>localhost</c> and loopback IP literals (an IPv6 one with or without brackets).</summary>
    public static bool IsLoopbackHost(string host)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(bare, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>What a client on this machine dials to reach this listener: a wildcard host (empty, <c>0.0.0.0</c>, <c>::</c>) becomes the loopback address.</summary>
    public GitalyAddress ForLocalClient() => Host switch
    {
        "" or "0.0.0.0" => new GitalyAddress(Scheme, "127.0.0.1", Port, SocketPath),
        "::" => new GitalyAddress(Scheme, "::1", Port, SocketPath),
        _ => this,
    };

    /// <summary>The IP addresses a listener on a named or literal host binds (DNS for a name).</summary>
    public IPAddress[] ResolveListenAddresses() =>
        IPAddress.TryParse(Host, out var ip) ? [ip] : Dns.GetHostAddresses(Host);

    /// <summary>The endpoint to connect to or bind: a <see cref="UnixDomainSocketEndPoint"/>, an <see cref="IPEndPoint"/> for an IP literal, else a <see cref="DnsEndPoint"/>.</summary>
    public EndPoint EndPoint => Scheme == GitalyAddressScheme.Unix
        ? new UnixDomainSocketEndPoint(SocketPath)
        : IPAddress.TryParse(Host, out var ip) ? new IPEndPoint(ip, Port) : new DnsEndPoint(Host, Port);

    /// <summary>The canonical text: <c>tcp://host:port</c>, <c>tls://host:port</c> or <c>unix:/path</c>.</summary>
    public override string ToString() => Scheme switch
    {
        GitalyAddressScheme.Unix => UnixPrefix + SocketPath,
        GitalyAddressScheme.Tls => TlsPrefix + HostPort,
        _ => TcpPrefix + HostPort,
    };
}
