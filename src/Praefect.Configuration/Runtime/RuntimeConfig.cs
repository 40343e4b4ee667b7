namespace Praefect.Configuration.Runtime;

/// <summary>
/// The runtime config (<c>config.yml</c>) that the <c>praefect</c> service reads. Rendered by
/// <c>praefect-ctl reconfigure</c> from gitlab.rb; YAML keys are the snake_case of these names.
/// Mutable because YamlDotNet binds through setters; treat a loaded instance as read-only.
/// </summary>
public sealed class RuntimeConfig
{
    /// <summary>Schema version; this build reads <see cref="CurrentVersion"/>.</summary>
    public int Version { get; set; } = CurrentVersion;

    public const int CurrentVersion = 1;

    /// <summary>h2c listener, <c>host:port</c>. Empty: none.</summary>
    public string ListenAddr { get; set; } = "";

    /// <summary>Unix socket listener path. Empty: none.</summary>
    public string SocketPath { get; set; } = "";

    /// <summary>TLS listener, <c>host:port</c>. Empty: none.</summary>
    public string TlsListenAddr { get; set; } = "";

    public TlsConfig Tls { get; set; } = new();

    /// <summary>Prometheus <c>/metrics</c> listener, <c>host:port</c>. Empty: none.</summary>
    public string PrometheusListenAddr { get; set; } = "";

    public AuthConfig Auth { get; set; } = new();

    public LoggingConfig Logging { get; set; } = new();

    /// <summary>How long in-flight calls may run after SIGTERM. Default 60.</summary>
    public int GracefulStopTimeoutSeconds { get; set; } = 60;

    /// <summary>Data dir (SQLite queue lives here when no database host is set).</summary>
    public string DataDir { get; set; } = "/var/opt/gitlab/praefect";

    public DatabaseConfig Database { get; set; } = new();

    public ReplicationConfig Replication { get; set; } = new();

    public FailoverConfig Failover { get; set; } = new();

    /// <summary>Send accessors to any healthy, up-to-date replica. Default false (primary only).</summary>
    public bool DistributedReadsEnabled { get; set; }

    /// <summary>Reference transactions (strong consistency): ref-changing mutators run on every up-to-date node and commit by vote.</summary>
    public TransactionsConfig Transactions { get; set; } = new();

    /// <summary>
    /// The largest first request message praefect reads to route a call, in bytes, before and after
    /// decompression. Default 4194304 (4 MiB, Gitaly's receive limit); larger is answered ResourceExhausted.
    /// </summary>
    public int MaxFirstMessageBytes { get; set; } = DefaultMaxFirstMessageBytes;

    public const int DefaultMaxFirstMessageBytes = 4 * 1024 * 1024;

    public List<VirtualStorageConfig> VirtualStorages { get; set; } = [];
}

public sealed class TlsConfig
{
    public string CertificatePath { get; set; } = "";
    public string KeyPath { get; set; } = "";
}

public sealed class AuthConfig
{
    /// <summary>Secret. Empty disables authentication (logged and exposed as a metric).</summary>
    public string Token { get; set; } = "";
    public bool Transitioning { get; set; }
}

public sealed class LoggingConfig
{
    /// <summary>debug, info, warn or error. Reloadable.</summary>
    public string Level { get; set; } = "info";
    /// <summary>json or text.</summary>
    public string Format { get; set; } = "json";
}

public sealed class DatabaseConfig
{
    /// <summary>Empty: the embedded SQLite queue in <see cref="RuntimeConfig.DataDir"/>.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 5432;
    public string User { get; set; } = "";
    /// <summary>Secret.</summary>
    public string Password { get; set; } = "";
    public string Dbname { get; set; } = "";
    public string Sslmode { get; set; } = "prefer";
}

public sealed class ReplicationConfig
{
    public int WorkersPerNode { get; set; } = 2;
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a worker holds a job before another may take it over (renewed while it runs). Default 30000.</summary>
    public int LeaseMs { get; set; } = 30_000;

    /// <summary>Wait before the first retry of a failed job; doubles per attempt. Default 1000.</summary>
    public int BackoffBaseMs { get; set; } = 1_000;

    /// <summary>Cap of the retry wait. Default 60000.</summary>
    public int BackoffMaxMs { get; set; } = 60_000;

    /// <summary>How often idle workers look for jobs recorded by other praefects. Default 1000.</summary>
    public int PollIntervalMs { get; set; } = 1_000;

    /// <summary>Wait before retrying a job whose node is unreachable (no attempt is counted). Default 2000.</summary>
    public int UnavailableRetryMs { get; set; } = 2_000;

    /// <summary>How long completed jobs are kept (history for replication-status) before they are pruned. Default 86400 (1 day).</summary>
    public int CompletedRetentionSeconds { get; set; } = 86_400;
}

public sealed class TransactionsConfig
{
    /// <summary>Off by default: 1.37-era nodes cannot vote (a node without the reference-transaction hook ignores the metadata).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Which votes commit a reference update: <c>majority</c> (the default, the Go Praefect's rule: the primary
    /// and at least half of the secondaries), <c>all</c> (every voter agrees) or <c>primary</c> (the primary alone; secondaries that disagree are replicated).
    /// </summary>
    public string Quorum { get; set; } = QuorumMajority;

    /// <summary>How long a subtransaction waits for the votes it needs before it aborts, from its first vote. Default 30.</summary>
    public int VoteTimeoutSeconds { get; set; } = 30;

    public const string QuorumMajority = "majority";
    public const string QuorumAll = "all";
    public const string QuorumPrimary = "primary";
}

public sealed class FailoverConfig
{
    /// <summary>Automatic failover. Default false (manual only).</summary>
    public bool Enabled { get; set; }
    public int HealthCheckIntervalMs { get; set; } = 1000;
    public int HealthCheckTimeoutMs { get; set; } = 1000;
    /// <summary>Consecutive failed checks before a node is unhealthy.</summary>
    public int UnhealthyThreshold { get; set; } = 3;
    /// <summary>Consecutive good checks before a node is healthy again.</summary>
    public int HealthyThreshold { get; set; } = 2;
    /// <summary>How long the primary must be unhealthy before automatic failover.</summary>
    public int FailoverAfterSeconds { get; set; } = 10;
}

public sealed class VirtualStorageConfig
{
    public string Name { get; set; } = "";
    public List<NodeConfig> Nodes { get; set; } = [];
}

public sealed class NodeConfig
{
    public string Storage { get; set; } = "";
    /// <summary><c>tcp://host:port</c>, <c>tls://host:port</c> or <c>unix:/path</c>.</summary>
    public string Address { get; set; } = "";
    /// <summary>Secret: the token praefect presents to this node.</summary>
    public string Token { get; set; } = "";
    public bool Primary { get; set; }
}
