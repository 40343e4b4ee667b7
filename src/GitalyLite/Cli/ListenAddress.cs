using System.Globalization;
using System.Net;

namespace GitalyLite.Cli;

/// <summary>Parses <c>host:port</c> or <c>tcp://host:port</c> into an endpoint Kestrel can bind.</summary>
internal static class ListenAddress
{
    public static bool TryParse(string text, out IPEndPoint endPoint, out string error)
    {
        endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        var value = text.StartsWith("tcp://", StringComparison.Ordinal) ? text["tcp://".Length..] : text;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"listen address '{text}' is not HOST:PORT; write e.g. 127.0.0.1:9999";
            return false;
        }

        var host = value[..colon].Trim('[', ']');
        if (host == "localhost")
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, port);
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            endPoint = new IPEndPoint(address, port);
        }
        else
        {
            error = $"listen address '{text}': host '{host}' is not an IP address or localhost";
            return false;
        }

        error = "";
        return true;
    }
}
