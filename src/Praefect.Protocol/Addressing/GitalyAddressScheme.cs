namespace Praefect.Protocol.Addressing;

/// <summary>How a Gitaly-protocol address is reached: h2c over TCP, h2 over TLS, or h2c over a unix socket.</summary>
public enum GitalyAddressScheme
{
    Tcp,
    Tls,
    Unix,
}
