# Praefect of GitLab 13.0-13.11: several virtual storages with their nodes right under the name,
# SQL election, read-only after failover, TLS (own file, written for this test).
praefect['enable'] = true
praefect['auth_token'] = 'era-13-0-client-token'
praefect['listen_addr'] = '0.0.0.0:2305'
praefect['tls_listen_addr'] = '0.0.0.0:3305'
praefect['certificate_path'] = '/etc/gitlab/ssl/praefect.crt'
praefect['key_path'] = '/etc/gitlab/ssl/praefect.key'
praefect['prometheus_listen_addr'] = '0.0.0.0:9652'
praefect['failover_enabled'] = true
praefect['failover_election_strategy'] = 'sql'
praefect['failover_read_only_after_failover'] = true
praefect['failover_timeout'] = '15s'
praefect['memory_queue_enabled'] = false
praefect['auto_migrate'] = true
praefect['database_host'] = 'pgbouncer.internal'
praefect['database_port'] = 6432
praefect['database_host_no_proxy'] = 'postgres.internal'
praefect['database_port_no_proxy'] = 5432
praefect['database_password'] = ENV['PRAEFECT_SQL_PASSWORD'] || 'fallback-db-password'
praefect['reconciliation_scheduling_interval'] = '5m'
praefect['reconciliation_histogram_buckets'] = '[0.001, 0.005, 0.025, 0.1, 0.5, 1.0, 10.0]'
praefect['virtual_storages'] = {
  'default' => {
    'gitaly-1' => { 'address' => 'tls://gitaly-1.internal:9999', 'token' => 'era-13-0-node-1', 'primary' => true },
    'gitaly-2' => { 'address' => 'tls://gitaly-2.internal:9999', 'token' => 'era-13-0-node-2' },
  },
  'archive' => {
    'gitaly-3' => { 'address' => 'tcp://gitaly-3.internal:8075', 'token' => 'era-13-0-node-3', 'primary' => true },
  },
}
