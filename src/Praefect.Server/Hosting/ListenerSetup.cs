using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Praefect.Configuration.Runtime;
using Praefect.Protocol.Addressing;

namespace Praefect.Server.Hosting;

/// <summary>
/// Kestrel endpoints from the config: h2c on listen_addr and socket_path (cleartext endpoints must
/// be HTTP/2 only; Http1AndHttp2 without TLS would serve HTTP/1.1), TLS with ALPN on tls_listen_addr,
/// HTTP/1.1 on prometheus_listen_addr (<see cref="MetricsListener"/>: Prometheus scrapes over HTTP/1.1).
/// </summary>
internal static class ListenerSetup
{
    public static void Configure(KestrelServerOptions kestrel, RuntimeConfig config)
    {
        if (config.ListenAddr.Length > 0)
        {
            Listen(kestrel, config.ListenAddr, o => o.Protocols = HttpProtocols.Http2);
        }

        if (config.SocketPath.Length > 0)
        {
            RemoveStaleSocket(config.SocketPath);
            kestrel.ListenUnixSocket(config.SocketPath, o => o.Protocols = HttpProtocols.Http2);
        }

        if (config.TlsListenAddr.Length > 0)
        {
            var certificate = LoadCertificate(config.Tls);
            Listen(kestrel, config.TlsListenAddr, o =>
            {
                o.Protocols = HttpProtocols.Http1AndHttp2;
                o.UseHttps(certificate);
            });
        }

        if (config.PrometheusListenAddr.Length > 0)
        {
            Listen(kestrel, config.PrometheusListenAddr, o => o.Protocols = HttpProtocols.Http1);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string value, Action<ListenOptions> configure)
    {
        GitalyAddress.TryParseListen(value, out var address, out _);
        if (address.IsAnyHost)
        {
            kestrel.ListenAnyIP(address.Port, configure);
        }
        else if (address.IsLocalhost)
        {
            kestrel.ListenLocalhost(address.Port, configure);
        }
        else
        {
            foreach (var ip in address.ResolveListenAddresses())
            {
                kestrel.Listen(ip, address.Port, configure);
            }
        }
    }

    // A socket file left by a praefect that did not stop cleanly is replaced; one that still accepts connections is not.
    private static void RemoveStaleSocket(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new StartupException($"socket_path {path} is in use by another running process; stop it or set another socket_path");
            }
            catch (SocketException)
            {
                // Nobody listens: stale.
            }
        }

        File.Delete(path);
    }

    private static X509Certificate2 LoadCertificate(TlsConfig tls)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.KeyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new StartupException($"cannot load the TLS certificate {tls.CertificatePath} with key {tls.KeyPath}: {e.Message}; check tls.certificate_path and tls.key_path (PEM files)", e);
        }
    }
}
