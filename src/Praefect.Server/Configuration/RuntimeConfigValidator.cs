using Praefect.Configuration.Runtime;
using Praefect.Protocol.Addressing;
using Praefect.Server.Logging;

namespace Praefect.Server.Configuration;

/// <summary>
/// The checks praefect runs on its runtime config at start and on every reload. Every rule runs;
/// all errors are returned together, each naming the subject, the problem and the fix.
/// reconfigure validates gitlab.rb earlier; this guards against hand-edited or stale files.
/// </summary>
internal static class RuntimeConfigValidator
{
    public static IReadOnlyList<string> Validate(RuntimeConfig config)
    {
        var errors = new List<string>();
        ValidateListeners(config, errors);
        ValidateLogging(config, errors);
        ValidateVirtualStorages(config, errors);
        ReplicationConfigRules.Validate(config.Replication, errors);
        TransactionConfigRules.Validate(config.Transactions, errors);
        if (config.GracefulStopTimeoutSeconds < 0)
        {
            errors.Add($"graceful_stop_timeout_seconds is {config.GracefulStopTimeoutSeconds}; set it to 0 or more seconds");
        }

        if (config.MaxFirstMessageBytes < 1024)
        {
            errors.Add($"max_first_message_bytes is {config.MaxFirstMessageBytes}; set it to at least 1024 bytes (the default is {RuntimeConfig.DefaultMaxFirstMessageBytes}, Gitaly's 4 MiB)");
        }

        return errors;
    }

    private static void ValidateListeners(RuntimeConfig config, List<string> errors)
    {
        if (config.ListenAddr.Length == 0 && config.SocketPath.Length == 0 && config.TlsListenAddr.Length == 0)
        {
            errors.Add("no listener is configured; set listen_addr (e.g. 'localhost:2305'), socket_path or tls_listen_addr");
        }

        CheckHostPort("listen_addr", config.ListenAddr, errors);
        CheckHostPort("tls_listen_addr", config.TlsListenAddr, errors);
        CheckHostPort("prometheus_listen_addr", config.PrometheusListenAddr, errors);
        if (config.TlsListenAddr.Length > 0 && (config.Tls.CertificatePath.Length == 0 || config.Tls.KeyPath.Length == 0))
        {
            errors.Add("tls_listen_addr is set but tls.certificate_path or tls.key_path is empty; set both to PEM files");
        }

        if (config.SocketPath.Length > 0 && !config.SocketPath.StartsWith('/'))
        {
            errors.Add($"socket_path '{config.SocketPath}' is not absolute; use e.g. '/var/opt/gitlab/praefect/praefect.socket'");
        }
    }

    private static void CheckHostPort(string key, string value, List<string> errors)
    {
        if (value.Length > 0 && !GitalyAddress.TryParseListen(value, out _, out _))
        {
            errors.Add($"{key} '{value}' is not host:port; use e.g. 'localhost:2305' or '0.0.0.0:2305'");
        }
    }

    private static void ValidateLogging(RuntimeConfig config, List<string> errors)
    {
        if (!LogLevelSwitch.TryParse(config.Logging.Level, out _))
        {
            errors.Add($"logging.level '{config.Logging.Level}' is unknown; use debug, info, warn or error");
        }

        if (config.Logging.Format is not ("json" or "text" or ""))
        {
            errors.Add($"logging.format '{config.Logging.Format}' is unknown; use json or text");
        }
    }

    private static void ValidateVirtualStorages(RuntimeConfig config, List<string> errors)
    {
        if (config.VirtualStorages.Count == 0)
        {
            errors.Add("no virtual storage is configured; add one under virtual_storages with its nodes");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vs in config.VirtualStorages)
        {
            if (vs.Name.Length == 0)
            {
                errors.Add("a virtual storage has no name; set name: to the storage name GitLab uses (e.g. 'praefect')");
            }
            else if (!names.Add(vs.Name))
            {
                errors.Add($"virtual storage '{vs.Name}' is defined twice; merge the two entries");
            }

            ValidateNodes(vs, errors);
        }
    }

    private static void ValidateNodes(VirtualStorageConfig vs, List<string> errors)
    {
        if (vs.Nodes.Count == 0)
        {
            errors.Add($"virtual storage '{vs.Name}' has no nodes; add at least one node with storage, address and primary: true");
            return;
        }

        var storages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in vs.Nodes)
        {
            if (node.Storage.Length == 0)
            {
                errors.Add($"virtual storage '{vs.Name}': a node has no storage name; set storage: (e.g. 'praefect-git-1')");
            }
            else if (!storages.Add(node.Storage))
            {
                errors.Add($"virtual storage '{vs.Name}': node '{node.Storage}' is listed twice; remove one entry");
            }

            if (node.Address.Length == 0)
            {
                errors.Add($"virtual storage '{vs.Name}': node '{node.Storage}' has no address; set address: 'tcp://host:8075'");
            }
            else if (!GitalyAddress.TryParse(node.Address, out _, out var addressError))
            {
                errors.Add($"virtual storage '{vs.Name}': node '{node.Storage}': {addressError}");
            }
        }

        var primaries = vs.Nodes.Count(n => n.Primary);
        if (primaries == 0)
        {
            errors.Add($"virtual storage '{vs.Name}' has no primary node; set primary: true on exactly one node");
        }
        else if (primaries > 1)
        {
            var list = string.Join(", ", vs.Nodes.Where(n => n.Primary).Select(n => "'" + n.Storage + "'"));
            errors.Add($"virtual storage '{vs.Name}' has {primaries} primary nodes ({list}); set primary: true on exactly one node");
        }
    }
}
