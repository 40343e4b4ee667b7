using Praefect.Configuration.Runtime;
using Praefect.Protocol.Addressing;

namespace Praefect.Subcommands.Admin;

/// <summary>
/// Where praefect-ctl reaches the running praefect's admin API, from the rendered runtime config:
/// the h2c listener (a wildcard host means this machine), else the unix socket. TLS-only setups
/// are not supported by the admin commands yet.
/// </summary>
internal sealed record AdminEndpoint(GitalyAddress Address, string Token)
{
    /// <summary>What to show the operator (never the token).</summary>
    public string Display => Address.IsUnixSocket ? Address.ToString() : Address.DialUri;

    public static AdminEndpoint? From(RuntimeConfig config, out string error)
    {
        error = "";
        if (config.ListenAddr.Trim().Length > 0)
        {
            if (!GitalyAddress.TryParseListen(config.ListenAddr.Trim(), out var listen, out _))
            {
                error = $"listen_addr '{config.ListenAddr}' is not host:port; run 'praefect-ctl reconfigure' to render the config again";
                return null;
            }

            return new AdminEndpoint(listen.ForLocalClient(), config.Auth.Token);
        }

        if (config.SocketPath.Length > 0)
        {
            if (!GitalyAddress.TryParse("unix:" + config.SocketPath, out var socket, out var socketError))
            {
                error = $"socket_path: {socketError}; run 'praefect-ctl reconfigure' to render the config again";
                return null;
            }

            return new AdminEndpoint(socket, config.Auth.Token);
        }

        error = "the runtime config has neither listen_addr nor socket_path, so praefect-ctl cannot reach praefect; set praefect['listen_addr'] or praefect['socket_path'] and run 'praefect-ctl reconfigure'";
        return null;
    }
}
