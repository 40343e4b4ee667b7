using Praefect.Configuration.Runtime;

namespace Praefect.Ctl.Commands.Nodes;

/// <summary>
/// Where praefect-ctl reaches the running praefect's admin API, from the rendered runtime config:
/// the h2c listener (a wildcard host means this machine), else the unix socket. TLS-only setups
/// are not supported by the admin commands yet.
/// </summary>
internal sealed record AdminEndpoint(string Uri, string SocketPath, string Token)
{
    public bool IsUnixSocket => SocketPath.Length > 0;

    /// <summary>What to show the operator (never the token).</summary>
    public string Display => IsUnixSocket ? "unix:" + SocketPath : Uri;

    public static AdminEndpoint? From(RuntimeConfig config, out string error)
    {
        error = "";
        var listen = config.ListenAddr.Trim();
        if (listen.StartsWith("tcp://", StringComparison.Ordinal))
        {
            listen = listen["tcp://".Length..];
        }

        if (listen.Length > 0)
        {
            var colon = listen.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(listen[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
            {
                error = $"listen_addr '{config.ListenAddr}' is not host:port; run 'praefect-ctl reconfigure' to render the config again";
                return null;
            }

            var host = listen[..colon].Trim('[', ']');
            host = host switch
            {
                "" or "0.0.0.0" => "127.0.0.1",
                "::" => "[::1]",
                _ when host.Contains(':', StringComparison.Ordinal) => "[" + host + "]",
                _ => host,
            };
            return new AdminEndpoint($"http://{host}:{port}", "", config.Auth.Token);
        }

        if (config.SocketPath.Length > 0)
        {
            return new AdminEndpoint("http://localhost", config.SocketPath, config.Auth.Token);
        }

        error = "the runtime config has neither listen_addr nor socket_path, so praefect-ctl cannot reach praefect; set praefect['listen_addr'] or praefect['socket_path'] and run 'praefect-ctl reconfigure'";
        return null;
    }
}
