using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Praefect.Configuration.Runtime;
using Praefect.Server.Auth;
using Praefect.Server.Configuration;
using Praefect.Server.Logging;
using Praefect.Server.Metrics;
using Praefect.Server.Nodes;

namespace Praefect.Server.Hosting;

/// <summary>
/// SIGHUP: reads the config file again and applies what can change without a restart (nodes and
/// their tokens, praefect's own token, log level). Calls in flight keep the connection and token
/// they started with. A file with errors changes nothing.
/// </summary>
internal sealed class ConfigReloader(
    PraefectOptions options,
    NodeManager nodes,
    AuthSettings auth,
    LogLevelSwitch logLevel,
    PraefectMetrics metrics,
    ILogger<ConfigReloader> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private PosixSignalRegistration? _registration;
    private RuntimeConfig _running = options.Config;

    public void Listen()
    {
        if (InheritedSignalIgnore.ReclaimHangup())
        {
            HostLog.HangupWasIgnored(logger);
        }

        _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            ThreadPool.UnsafeQueueUserWorkItem(_ => Reload(), null);
        });
    }

    /// <summary>Reloads now; returns false when the file had errors (they are logged).</summary>
    public bool Reload()
    {
        lock (_gate)
        {
            var config = RuntimeConfigLoader.LoadFile(options.ConfigPath, out var error);
            var errors = config is null ? [error] : RuntimeConfigValidator.Validate(config).Select(e => $"{options.ConfigPath}: error: {e}").ToList();
            if (config is null || errors.Count > 0)
            {
                metrics.Reloads.WithLabels("failed").Inc();
                HostLog.ReloadFailed(logger, options.ConfigPath, string.Join(" | ", errors));
                return false;
            }

            WarnAboutRestartOnlySettings(_running, config);
            var changes = nodes.Apply(config);
            auth.Apply(config.Auth);
            metrics.AuthenticationDisabled.Set(config.Auth.Token.Length == 0 ? 1 : 0);
            _running = config;
            metrics.Reloads.WithLabels("ok").Inc();
            // Logged before the new level applies, so a reload to "warn" is still visible.
            HostLog.Reloaded(logger, options.ConfigPath, changes);
            LogLevelSwitch.TryParse(config.Logging.Level, out var level);
            logLevel.Minimum = level;
            return true;
        }
    }

    private void WarnAboutRestartOnlySettings(RuntimeConfig running, RuntimeConfig next)
    {
        (string Name, string Before, string After)[] settings =
        [
            ("listen_addr", running.ListenAddr, next.ListenAddr),
            ("socket_path", running.SocketPath, next.SocketPath),
            ("tls_listen_addr", running.TlsListenAddr, next.TlsListenAddr),
            ("prometheus_listen_addr", running.PrometheusListenAddr, next.PrometheusListenAddr),
            ("logging.format", running.Logging.Format, next.Logging.Format),
        ];
        foreach (var (name, before, after) in settings)
        {
            if (before != after)
            {
                HostLog.RestartNeeded(logger, name);
            }
        }
    }

    public void Dispose() => _registration?.Dispose();
}
