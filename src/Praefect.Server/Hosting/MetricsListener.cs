using System.Net;
using Microsoft.AspNetCore.Http;
using Praefect.Protocol.Addressing;

namespace Praefect.Server.Hosting;

/// <summary>
/// prometheus_listen_addr as an endpoint of praefect's own Kestrel (HTTP/1.1, <c>/metrics</c> only) rather than a
/// second web host: one server, one memory pool and one set of threads (docs/benchmarks.md, resident memory).
/// A request belongs to it when it arrived on its port and, for a named host, on one of that host's addresses.
/// </summary>
internal sealed class MetricsListener
{
    private readonly int _port;
    private readonly IPAddress[]? _addresses;

    private MetricsListener(GitalyAddress address)
    {
        _port = address.Port;
        _addresses = address.IsAnyHost ? null : address.IsLocalhost ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : address.ResolveListenAddresses();
    }

    /// <summary>The listener of <paramref name="prometheusListenAddr"/>; null when it is empty (no metrics endpoint).</summary>
    public static MetricsListener? From(string prometheusListenAddr) =>
        prometheusListenAddr.Length > 0 && GitalyAddress.TryParseListen(prometheusListenAddr, out var address, out _) ? new MetricsListener(address) : null;

    /// <summary>Whether <paramref name="context"/> came in on the metrics listener.</summary>
    public bool Serves(HttpContext context)
    {
        var connection = context.Connection;
        if (connection.LocalPort != _port || connection.LocalIpAddress is not { } local)
        {
            return false;
        }

        if (_addresses is null)
        {
            return true;
        }

        var ip = local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local;
        foreach (var address in _addresses)
        {
            if (address.Equals(ip))
            {
                return true;
            }
        }

        return false;
    }
}
