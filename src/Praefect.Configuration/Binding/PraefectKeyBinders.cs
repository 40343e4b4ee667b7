using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Binding;

/// <summary>
/// Every flat <c>praefect[...]</c> key and how it lands in <see cref="PraefectSettings"/>. The node
/// list keys (<c>virtual_storage_name</c>, <c>storage_nodes</c>, <c>virtual_storages</c>) are bound by
/// <see cref="NodeListBinder"/>; <see cref="IgnoredKeys"/> are real Omnibus keys of features this Praefect
/// does not have (<see cref="OmnibusKeysWithoutEffect"/>); <c>configuration</c> is the 15.9+ nested form
/// (<see cref="ConfigurationHashReader"/>).
/// </summary>
internal static class PraefectKeyBinders
{
    public static readonly IReadOnlyDictionary<string, Func<SettingValue, PraefectSettings, PraefectSettings>> Flat =
        new Dictionary<string, Func<SettingValue, PraefectSettings, PraefectSettings>>(StringComparer.Ordinal)
        {
            ["enable"] = (v, s) => s with { Enable = v.Bool(s.Enable) },
            ["dir"] = (v, s) => s with { Dir = v.String(s.Dir) },
            ["log_directory"] = (v, s) => s with { LogDirectory = v.String(s.LogDirectory) },
            ["listen_addr"] = (v, s) => s with { ListenAddr = v.String(s.ListenAddr) },
            ["socket_path"] = (v, s) => s with { SocketPath = v.String(s.SocketPath) },
            ["tls_listen_addr"] = (v, s) => s with { TlsListenAddr = v.String(s.TlsListenAddr) },
            ["certificate_path"] = (v, s) => s with { CertificatePath = v.String(s.CertificatePath) },
            ["key_path"] = (v, s) => s with { KeyPath = v.String(s.KeyPath) },
            ["prometheus_listen_addr"] = (v, s) => s with { PrometheusListenAddr = v.String(s.PrometheusListenAddr) },
            ["auth_token"] = (v, s) => s with { AuthToken = v.String(s.AuthToken) },
            ["auth_transitioning"] = (v, s) => s with { AuthTransitioning = v.Bool(s.AuthTransitioning) },
            ["logging_level"] = (v, s) => s with { LoggingLevel = v.String(s.LoggingLevel) },
            ["logging_format"] = (v, s) => s with { LoggingFormat = v.String(s.LoggingFormat) },
            ["database_host"] = (v, s) => s with { Database = s.Database with { Host = v.String(s.Database.Host) } },
            ["database_port"] = (v, s) => s with { Database = s.Database with { Port = v.Int(s.Database.Port, 1, 65535) } },
            ["database_user"] = (v, s) => s with { Database = s.Database with { User = v.String(s.Database.User) } },
            ["database_password"] = (v, s) => s with { Database = s.Database with { Password = v.String(s.Database.Password) } },
            ["database_dbname"] = (v, s) => s with { Database = s.Database with { DbName = v.String(s.Database.DbName) } },
            ["database_sslmode"] = (v, s) => s with { Database = s.Database with { SslMode = v.String(s.Database.SslMode) } },
            ["failover_enabled"] = (v, s) => s with { FailoverEnabled = v.Bool(s.FailoverEnabled) },
            ["failover_timeout"] = (v, s) => s with { FailoverTimeoutSeconds = v.Seconds(s.FailoverTimeoutSeconds, min: 1) },
            ["failover_force"] = (v, s) => s with { FailoverForce = v.Bool(s.FailoverForce) },
            ["distributed_reads_enabled"] = (v, s) => s with { DistributedReadsEnabled = v.Bool(s.DistributedReadsEnabled) },
            ["reference_transactions_enabled"] = (v, s) => s with { Transactions = s.Transactions with { Enabled = v.Bool(s.Transactions.Enabled) } },
            ["transactions_quorum"] = (v, s) => s with { Transactions = s.Transactions with { Quorum = v.String(s.Transactions.Quorum) } },
            ["transactions_vote_timeout"] = (v, s) => s with { Transactions = s.Transactions with { VoteTimeoutSeconds = v.Seconds(s.Transactions.VoteTimeoutSeconds, min: 1) } },
            ["graceful_stop_timeout"] = (v, s) => s with { GracefulStopTimeoutSeconds = v.Seconds(s.GracefulStopTimeoutSeconds) },
            ["service_manager"] = (v, s) => s with { ServiceManager = v.String(s.ServiceManager) },
            ["username"] = (v, s) => s with { Username = v.String(s.Username) },
            ["group"] = (v, s) => s with { Group = v.String(s.Group) },
            ["binary_path"] = (v, s) => s with { BinaryPath = v.String(s.BinaryPath) },
            ["env"] = (v, s) => s with { Env = v.StringMap(s.Env) },
            ["svlogd_size"] = (v, s) => s with { LogRotation = s.LogRotation with { Size = v.Long(s.LogRotation.Size, 0, long.MaxValue) } },
            ["svlogd_num"] = (v, s) => s with { LogRotation = s.LogRotation with { Num = v.Int(s.LogRotation.Num) } },
            ["svlogd_timeout"] = (v, s) => s with { LogRotation = s.LogRotation with { TimeoutSeconds = v.Seconds(s.LogRotation.TimeoutSeconds) } },
            ["svlogd_filter"] = (v, s) => s with { LogRotation = s.LogRotation with { Filter = v.String(s.LogRotation.Filter) } },
            ["replication_workers_per_node"] = (v, s) => s with { Replication = s.Replication with { WorkersPerNode = v.Int(s.Replication.WorkersPerNode, 1, 1024) } },
            ["replication_max_attempts"] = (v, s) => s with { Replication = s.Replication with { MaxAttempts = v.Int(s.Replication.MaxAttempts, 1, 1000) } },
        };

    public static readonly IReadOnlySet<string> NodeListKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "virtual_storage_name", "storage_nodes", "virtual_storages",
    };

    public static readonly IReadOnlySet<string> IgnoredKeys = OmnibusKeysWithoutEffect.Reasons.Keys.ToHashSet(StringComparer.Ordinal);

    public const string ConfigurationKey = "configuration";

    public static IEnumerable<string> All => Flat.Keys.Concat(NodeListKeys).Concat(IgnoredKeys).Append(ConfigurationKey);
}
