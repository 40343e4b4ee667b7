namespace Praefect.Configuration.Binding;

/// <summary>
/// Real Omnibus <c>praefect[...]</c> keys (12.1 to 18.x) for features this Praefect does not have,
/// each with the reason an admin reads in the warning. Such a key is accepted (the file of any
/// GitLab release keeps working) and reported once: it has no effect here, and why.
/// </summary>
internal static class OmnibusKeysWithoutEffect
{
    private const string NoSentry = "this Praefect does not report errors to Sentry";
    private const string NoDirect = "this Praefect opens its own connections to praefect['database_host'] and has no separate session-pooled (direct) connection";
    private const string NoClientCert = "PostgreSQL client certificates are not supported here; use database_sslmode 'require' or 'verify-full' with the system CA store";
    private const string NoReconciliation = "this Praefect has no automatic reconciliation: every write queues its replication jobs";
    private const string NoVerification = "this Praefect has no background repository verification";
    private const string NoElection = "this Praefect has one primary per virtual storage, chosen with 'primary' => true and moved by failover; there is no election strategy";

    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sentry_dsn"] = NoSentry,
        ["sentry_environment"] = NoSentry,
        ["logging_sentry_dsn"] = NoSentry,
        ["prometheus_grpc_latency_buckets"] = "the gRPC latency histograms use fixed buckets here",
        ["database_host_no_proxy"] = NoDirect,
        ["database_port_no_proxy"] = NoDirect,
        ["database_direct_host"] = NoDirect,
        ["database_direct_port"] = NoDirect,
        ["database_direct_user"] = NoDirect,
        ["database_direct_password"] = NoDirect,
        ["database_direct_dbname"] = NoDirect,
        ["database_direct_sslmode"] = NoDirect,
        ["database_direct_sslcert"] = NoDirect,
        ["database_direct_sslkey"] = NoDirect,
        ["database_direct_sslrootcert"] = NoDirect,
        ["database_sslcert"] = NoClientCert,
        ["database_sslkey"] = NoClientCert,
        ["database_sslrootcert"] = NoClientCert,
        ["reconciliation_scheduling_interval"] = NoReconciliation,
        ["reconciliation_histogram_buckets"] = NoReconciliation,
        ["background_verification_verification_interval"] = NoVerification,
        ["background_verification_delete_invalid_records"] = NoVerification,
        ["separate_database_metrics"] = "no metric queries the database here, so there is nothing to separate",
        ["memory_queue_enabled"] = "the replication queue is always durable here: SQLite in praefect['dir'], or PostgreSQL when praefect['database_host'] is set",
        ["postgres_queue_enabled"] = "the replication queue is always durable here: SQLite in praefect['dir'], or PostgreSQL when praefect['database_host'] is set",
        ["wrapper_path"] = "the service runs praefect['binary_path'] directly, without gitaly-wrapper",
        ["auto_migrate"] = "praefect always migrates its datastore schema when it starts",
        ["svlogd_prefix"] = "the svlogd config rendered here has no prefix line",
        ["svlogd_udp"] = "the svlogd config rendered here logs to files only",
        ["ha"] = "this Praefect has no Omnibus HA mode switch",
        ["consul_service_name"] = "this Praefect does not register itself with Consul",
        ["consul_service_meta"] = "this Praefect does not register itself with Consul",
        ["env_directory"] = "the env dir is rendered inside the runit service dir (/opt/gitlab/sv/praefect/env) here; set variables with praefect['env']",
        ["log_group"] = "the log directory here belongs to praefect['username'] and praefect['group']",
        ["failover_election_strategy"] = NoElection,
        ["failover_read_only_after_failover"] = "a failover here never makes the virtual storage read-only; writes go on to the new primary, and praefect-ctl dataloss lists what it may lack",
        ["default_replication_factor"] = "this Praefect replicates every repository to every node of its virtual storage",
    };

    /// <summary>Keys that only exist inside <c>praefect['configuration']</c> (Go Praefect's names), by their path there.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConfigurationOnly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["failover.error_threshold_window"] = "nodes here are judged by health checks, not by error thresholds",
        ["failover.write_error_threshold_count"] = "nodes here are judged by health checks, not by error thresholds",
        ["failover.read_error_threshold_count"] = "nodes here are judged by health checks, not by error thresholds",
        ["failover.bootstrap_interval"] = "the health check timing is fixed here",
        ["failover.monitor_interval"] = "the health check timing is fixed here",
        ["replication.batch_size"] = "replication jobs are dequeued one at a time per worker here; set praefect['replication_workers_per_node'] instead",
        ["replication.parallel_storage_processing_workers"] = "set praefect['replication_workers_per_node'] for the replication parallelism here",
        ["repositories_cleanup.check_interval"] = "this Praefect has no repositories cleanup",
        ["repositories_cleanup.run_interval"] = "this Praefect has no repositories cleanup",
        ["repositories_cleanup.repositories_in_batch"] = "this Praefect has no repositories cleanup",
        ["yamux.maximum_stream_window_size_bytes"] = "this Praefect does not multiplex connections with yamux",
        ["yamux.accept_backlog"] = "this Praefect does not multiplex connections with yamux",
        ["prometheus.scrape_timeout"] = "no metric queries the database here, so there is no scrape timeout",
        ["i_understand_my_election_strategy_is_unsupported_and_will_be_removed_without_warning"] = NoElection,
    };
}
