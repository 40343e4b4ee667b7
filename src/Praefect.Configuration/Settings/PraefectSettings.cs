namespace Praefect.Configuration.Settings;

/// <summary>
/// The effective Praefect settings of one node, bound from gitlab.rb with defaults applied and
/// every historical node-list form normalised into <see cref="VirtualStorages"/>.
/// The gitlab.rb reader produces it; the renderer turns it into config.yml and service units.
/// </summary>
public sealed record PraefectSettings
{
    /// <summary><c>praefect['enable']</c>. Default false.</summary>
    public bool Enable { get; init; }

    /// <summary><c>praefect['dir']</c>: data dir, holds config.yml and the SQLite queue. Default /var/opt/gitlab/praefect.</summary>
    public string Dir { get; init; } = "/var/opt/gitlab/praefect";

    /// <summary><c>praefect['log_directory']</c>. Default /var/log/gitlab/praefect.</summary>
    public string LogDirectory { get; init; } = "/var/log/gitlab/praefect";

    /// <summary><c>praefect['listen_addr']</c>: h2c listener, host:port. Default localhost:2305.</summary>
    public string ListenAddr { get; init; } = "localhost:2305";

    /// <summary><c>praefect['socket_path']</c>: unix socket listener. Default none.</summary>
    public string SocketPath { get; init; } = "";

    /// <summary><c>praefect['tls_listen_addr']</c>. Default none.</summary>
    public string TlsListenAddr { get; init; } = "";

    public string CertificatePath { get; init; } = "";

    public string KeyPath { get; init; } = "";

    /// <summary><c>praefect['prometheus_listen_addr']</c>. Default localhost:9652.</summary>
    public string PrometheusListenAddr { get; init; } = "localhost:9652";

    /// <summary><c>praefect['auth_token']</c>: the token clients present. Secret. Default empty (auth off).</summary>
    public string AuthToken { get; init; } = "";

    public bool AuthTransitioning { get; init; }

    /// <summary><c>praefect['logging_level']</c>: debug, info, warn, error. Default info.</summary>
    public string LoggingLevel { get; init; } = "info";

    /// <summary><c>praefect['logging_format']</c>: json or text. Default json.</summary>
    public string LoggingFormat { get; init; } = "json";

    /// <summary><c>praefect['database_*']</c>. When Host is empty the queue is SQLite in <see cref="Dir"/>.</summary>
    public DatabaseSettings Database { get; init; } = new();

    public bool FailoverEnabled { get; init; }

    /// <summary><c>praefect['failover_timeout']</c>: seconds the primary must be unhealthy before an automatic failover. Default 10.</summary>
    public int FailoverTimeoutSeconds { get; init; } = 10;

    /// <summary><c>praefect['failover_force']</c>: allow a lossy failover through reconfigure.</summary>
    public bool FailoverForce { get; init; }

    public bool DistributedReadsEnabled { get; init; }

    /// <summary>Reference transactions (<c>praefect['reference_transactions_enabled']</c>, <c>_quorum</c>, <c>_vote_timeout</c>).</summary>
    public TransactionSettings Transactions { get; init; } = new();

    /// <summary><c>praefect['graceful_stop_timeout']</c> in seconds. Default 60.</summary>
    public int GracefulStopTimeoutSeconds { get; init; } = 60;

    /// <summary><c>praefect['service_manager']</c>: runit (Omnibus default) or systemd.</summary>
    public string ServiceManager { get; init; } = "runit";

    /// <summary><c>praefect['username']</c> / <c>['group']</c>: the service user. Default git:git.</summary>
    public string Username { get; init; } = "git";

    public string Group { get; init; } = "git";

    /// <summary><c>praefect['binary_path']</c>: the praefect executable the service runs. Default /opt/praefect/bin/praefect.</summary>
    public string BinaryPath { get; init; } = "/opt/praefect/bin/praefect";

    /// <summary><c>praefect['env']</c>: extra environment variables for the service (runit env dir).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>svlogd settings (<c>praefect['svlogd_size']</c>, <c>_num</c>, <c>_timeout</c>, <c>_filter</c>).</summary>
    public LogRotationSettings LogRotation { get; init; } = new();

    /// <summary>Replication knobs (<c>praefect['replication_*']</c>).</summary>
    public ReplicationSettings Replication { get; init; } = new();

    /// <summary>Every virtual storage with its nodes, in file order.</summary>
    public IReadOnlyList<VirtualStorageSettings> VirtualStorages { get; init; } = [];

    /// <summary><c>git_data_dirs</c> storage names to gitaly_address, when set; null when absent.</summary>
    public IReadOnlyDictionary<string, string>? GitDataDirs { get; init; }
}

public sealed record VirtualStorageSettings(string Name, IReadOnlyList<NodeSettings> Nodes);

/// <summary>One Gitaly node. <see cref="Token"/> is a secret.</summary>
public sealed record NodeSettings(string Storage, string Address, string Token, bool Primary);

public sealed record DatabaseSettings
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 5432;
    public string User { get; init; } = "praefect";
    /// <summary>Secret.</summary>
    public string Password { get; init; } = "";
    public string DbName { get; init; } = "praefect_production";
    public string SslMode { get; init; } = "prefer";
}

public sealed record LogRotationSettings
{
    public long Size { get; init; } = 200 * 1024 * 1024;
    public int Num { get; init; } = 30;
    public int TimeoutSeconds { get; init; } = 24 * 60 * 60;
    public string Filter { get; init; } = "gzip";
}

public sealed record ReplicationSettings
{
    public int WorkersPerNode { get; init; } = 2;
    public int MaxAttempts { get; init; } = 5;
}

/// <summary>
/// <c>praefect['reference_transactions_enabled']</c> (default false: nodes of the 1.37 era cannot vote),
/// <c>praefect['transactions_quorum']</c> (majority, all or primary; default majority) and
/// <c>praefect['transactions_vote_timeout']</c> (seconds; default 30).
/// </summary>
public sealed record TransactionSettings
{
    public bool Enabled { get; init; }
    public string Quorum { get; init; } = "majority";
    public int VoteTimeoutSeconds { get; init; } = 30;
}
