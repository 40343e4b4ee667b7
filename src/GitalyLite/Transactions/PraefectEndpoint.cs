using System.Net;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Transactions;

namespace GitalyLite.Transactions;

/// <summary>
/// Where a node sends its votes, from the <c>gitaly-praefect-server</c> header (Gitaly 13.x's rule):
/// <c>socket_path</c> if set, else <c>listen_addr</c>, else <c>tls_listen_addr</c>. A listen address
/// whose host is unspecified (empty, <c>0.0.0.0</c>, <c>::</c>) is dialled at the host of the incoming
/// call's peer, since praefect is the peer; a peer that is no IP address (a unix socket) gives loopback.
/// </summary>
internal static class PraefectEndpoint
{
    public static bool TryResolve(PraefectServer server, string peer, out GitalyAddress address, out string error)
    {
        address = null!;
        var socket = server.SocketPath ?? "";
        if (socket.Length > 0)
        {
            var text = socket.StartsWith("unix:", StringComparison.Ordinal) ? socket : "unix:" + socket;
            return Parsed(GitalyAddress.TryParse(text, out address, out var reason), "socket_path", socket, reason, out error);
        }

        var (field, value, scheme) = (server.ListenAddr ?? "").Length > 0
            ? ("listen_addr", server.ListenAddr!, "tcp://")
            : ("tls_listen_addr", server.TlsListenAddr ?? "", "tls://");
        if (value.Length == 0)
        {
            error = "names no address: set socket_path, listen_addr or tls_listen_addr";
            return false;
        }

        var hostPort = value.StartsWith("tcp://", StringComparison.Ordinal) || value.StartsWith("tls://", StringComparison.Ordinal) ? value[6..] : value;
        if (!GitalyAddress.TrySplitHostPort(hostPort, out var host, out var port) || port == 0)
        {
            error = $"{field} '{value}' is not host:port; praefect should send e.g. '10.0.0.5:2305'";
            return false;
        }

        if (host is "" or "0.0.0.0" or "::")
        {
            host = PeerHost(peer);
        }

        var bracketed = host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host;
        return Parsed(GitalyAddress.TryParse($"{scheme}{bracketed}:{port}", out address, out var parseError), field, value, parseError, out error);
    }

    /// <summary>The IP of a gRPC peer string (<c>ipv4:10.0.0.5:41234</c>, <c>ipv6:[::1]:41234</c>); loopback when it is none.</summary>
    internal static string PeerHost(string peer)
    {
        var body = peer.StartsWith("ipv4:", StringComparison.Ordinal) || peer.StartsWith("ipv6:", StringComparison.Ordinal) ? peer[5..] : "";
        var colon = body.LastIndexOf(':');
        var host = colon > 0 ? body[..colon].Trim('[', ']') : "";
        return IPAddress.TryParse(host, out var ip) ? ip.ToString() : "127.0.0.1";
    }

    private static bool Parsed(bool ok, string field, string value, string reason, out string error)
    {
        error = ok ? "" : $"{field} '{value}' is not a usable address: {reason}";
        return ok;
    }
}
