using System.Net;
using Praefect.Protocol.Addressing;

namespace GitalyLite.Cli;

/// <summary>
/// The endpoint gitaly-lite binds for <c>--listen</c>: a <see cref="GitalyAddress"/> listener whose
/// host is an IP literal or localhost (gitaly-lite does not resolve names or listen on every interface by an empty host).
/// </summary>
internal static class ListenEndPoint
{
    public static bool TryParse(string text, out IPEndPoint endPoint, out string error)
    {
        endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        if (!GitalyAddress.TryParseListen(text, out var address, out _) || address.IsAnyHost)
        {
            error = $"listen address '{text}' is not HOST:PORT; write e.g. 127.0.0.1:9999";
            return false;
        }

        if (address.IsLocalhost)
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, address.Port);
        }
        else if (IPAddress.TryParse(address.Host, out var ip))
        {
            endPoint = new IPEndPoint(ip, address.Port);
        }
        else
        {
            error = $"listen address '{text}': host '{address.Host}' is not an IP address or localhost";
            return false;
        }

        error = "";
        return true;
    }
}
