# Praefect of GitLab 15.9 to 18.x: the nested praefect['configuration'] hash with the Go Praefect's
# names, the flat keys that stayed, and a heredoc in another service's section (own file, written
# for this test).
gitlab_rails['custom_message'] = <<~EOS
  Maintenance window: Sunday 02:00 UTC.
  Praefect (#{ENV['NODE_HOST']}) may restart.
EOS

praefect['enable'] = true
praefect['dir'] = '/var/opt/gitlab/praefect'
praefect['log_directory'] = '/var/log/gitlab/praefect'
praefect['env'] = { 'SSL_CERT_DIR' => '/opt/gitlab/embedded/ssl/certs/' }
praefect['auto_migrate'] = true
praefect['consul_service_name'] = 'praefect'
praefect['configuration'] = {
  listen_addr: '0.0.0.0:2305',
  prometheus_listen_addr: '0.0.0.0:9652',
  prometheus_exclude_database_from_default_metrics: true,
  auth: {
    token: 'era-16-client-token',
    transitioning: false,
  },
  logging: {
    format: 'json',
    level: 'warn',
  },
  failover: {
    enabled: true,
  },
  background_verification: {
    delete_invalid_records: false,
    verification_interval: 0,
  },
  reconciliation: {
    scheduling_interval: '5m',
    histogram_buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 1.0, 10.0],
  },
  database: {
    host: 'pgbouncer.internal',
    port: 6432,
    user: 'praefect',
    password: 'era-16-db-password',
    dbname: 'praefect_production',
    sslmode: 'disable',
    session_pooled: {
      host: 'postgres.internal',
      port: 5432,
    },
  },
  graceful_stop_timeout: '1m',
  virtual_storage: [
    {
      name: 'default',
      default_replication_factor: 3,
      node: [
        { storage: 'gitaly-1', address: 'tcp://10.0.1.11:8075', token: 'era-16-node-1' },
        { storage: 'gitaly-2', address: 'tcp://10.0.1.12:8075', token: 'era-16-node-2' },
        { storage: 'gitaly-3', address: 'tcp://10.0.1.13:8075', token: 'era-16-node-3' },
      ],
    },
  ],
}
