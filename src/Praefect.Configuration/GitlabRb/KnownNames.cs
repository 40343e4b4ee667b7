namespace Praefect.Configuration.GitlabRb;

/// <summary>
/// The top-level names Omnibus defines in gitlab.rb. Anything else is a typo (<c>praefcet</c>) and
/// gets a did-you-mean; Ruby would stop with a NameError there too.
/// </summary>
internal static class KnownNames
{
    /// <summary>Names used as <c>name['key'] = value</c>.</summary>
    public static readonly IReadOnlySet<string> Attributes = new HashSet<string>(StringComparer.Ordinal)
    {
        "alertmanager", "consul", "crond", "geo_logcursor", "geo_postgresql", "geo_secondary",
        "gitaly", "gitlab_ci", "gitlab_exporter", "gitlab_kas", "gitlab_monitor", "gitlab_pages",
        "gitlab_rails", "gitlab_shell", "gitlab_sshd", "gitlab_workhorse", "grafana",
        "high_availability", "letsencrypt", "logging", "logrotate", "mailroom", "mattermost",
        "mattermost_nginx", "monitoring_role", "nginx", "node_exporter", "package", "pages_nginx",
        "patroni", "pgbouncer", "pgbouncer_exporter", "postgres_exporter", "postgresql", "praefect",
        "prometheus", "puma", "redis", "redis_exporter", "registry", "registry_nginx", "repmgr",
        "repmgrd", "sentinel", "sidekiq", "sidekiq_cluster", "spamcheck", "storage_check", "unicorn",
        "user", "web_server", "gitlab_pages_nginx", "consul_exporter", "geo_primary_role",
        "geo_secondary_role", "application_role", "redis_master_role", "redis_replica_role",
        "redis_sentinel_role", "postgres_role", "pgbouncer_role", "consul_role", "praefect_role",
        "gitaly_role", "backup_role", "manage_accounts", "manage_storage_directories",
        "prometheus_monitoring",
    };

    /// <summary>Names used as calls: <c>external_url 'https://x'</c>, <c>git_data_dirs({...})</c>.</summary>
    public static readonly IReadOnlySet<string> Calls = new HashSet<string>(StringComparer.Ordinal)
    {
        "external_url", "registry_external_url", "mattermost_external_url", "pages_external_url",
        "gitlab_kas_external_url", "git_data_dirs", "roles", "runtime_dir",
    };

    public static IEnumerable<string> All => Attributes.Concat(Calls);
}
