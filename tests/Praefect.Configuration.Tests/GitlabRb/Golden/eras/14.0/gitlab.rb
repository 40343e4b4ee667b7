# Praefect of GitLab 13.12-15.8: nodes under 'nodes', default_replication_factor, per_repository
# election, the direct (session-pooled) database and verification (own file, written for this test).
praefect['enable'] = true
praefect['auth_token'] = 'era-14-client-token'
praefect['listen_addr'] = '0.0.0.0:2305'
praefect['prometheus_listen_addr'] = '0.0.0.0:9652'
praefect['separate_database_metrics'] = true
praefect['graceful_stop_timeout'] = '2m'
praefect['failover_election_strategy'] = 'per_repository'
praefect['database_host'] = 'pgbouncer.internal'
praefect['database_port'] = 6432
praefect['database_user'] = 'praefect'
praefect['database_password'] = 'era-14-db-password'
praefect['database_dbname'] = 'praefect_production'
praefect['database_direct_host'] = 'postgres.internal'
praefect['database_direct_port'] = 5432
praefect['database_direct_user'] = 'praefect'
praefect['database_direct_password'] = 'era-14-direct-password'
praefect['database_direct_dbname'] = 'praefect_production'
praefect['database_direct_sslmode'] = 'disable'
praefect['background_verification_verification_interval'] = '168h'
praefect['background_verification_delete_invalid_records'] = true
praefect['consul_service_name'] = 'praefect'
praefect['consul_service_meta'] = { 'region' => 'eu' }
praefect['log_group'] = 'praefect-logs'
praefect['virtual_storages'] = {
  'default' => {
    'default_replication_factor' => 2,
    'nodes' => {
      'gitaly-1' => { 'address' => 'tcp://gitaly-1.internal:8075', 'token' => 'era-14-node-1', 'primary' => true },
      'gitaly-2' => { 'address' => 'tcp://gitaly-2.internal:8075', 'token' => 'era-14-node-2' },
      'gitaly-3' => { 'address' => 'tcp://gitaly-3.internal:8075', 'token' => 'era-14-node-3' },
    },
  },
}
