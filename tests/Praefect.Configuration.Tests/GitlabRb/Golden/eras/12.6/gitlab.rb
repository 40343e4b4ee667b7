# Praefect as an admin of GitLab 12.6-12.10 configured it: nodes keyed by storage, Sentry, the
# PostgreSQL queue switch and the database keys (own file, written for this test).
praefect['enable'] = true
praefect['dir'] = '/var/opt/gitlab/praefect'
praefect['log_directory'] = '/var/log/gitlab/praefect'
praefect['env_directory'] = '/opt/gitlab/etc/praefect/env'
praefect['env'] = {
  'SSL_CERT_DIR' => '/opt/gitlab/embedded/ssl/certs/',
}
praefect['wrapper_path'] = '/opt/gitlab/embedded/bin/gitaly-wrapper'
praefect['auth_token'] = 'era-12-6-client-token'
praefect['auth_transitioning'] = false
praefect['listen_addr'] = '0.0.0.0:2305'
praefect['prometheus_listen_addr'] = 'localhost:9652'
praefect['prometheus_grpc_latency_buckets'] = '[0.001, 0.005, 0.025, 0.1, 0.5, 1.0, 10.0]'
praefect['logging_level'] = 'warn'
praefect['logging_format'] = 'json'
praefect['sentry_dsn'] = 'https://sentry.example.com/7'
praefect['sentry_environment'] = 'production'
praefect['postgres_queue_enabled'] = true
praefect['failover_enabled'] = true
praefect['database_host'] = 'postgres.internal'
praefect['database_port'] = 5432
praefect['database_user'] = 'praefect'
praefect['database_password'] = 'era-12-6-db-password'
praefect['database_dbname'] = 'praefect_production'
praefect['database_sslmode'] = 'require'
praefect['database_sslcert'] = '/etc/gitlab/ssl/praefect-db.crt'
praefect['database_sslkey'] = '/etc/gitlab/ssl/praefect-db.key'
praefect['database_sslrootcert'] = '/etc/gitlab/ssl/db-ca.crt'
praefect['virtual_storage_name'] = 'storage-1'
praefect['storage_nodes'] = {
  'gitaly-1' => { 'address' => 'tcp://10.0.0.11:8075', 'token' => 'era-12-6-node-1', 'primary' => true },
  'gitaly-2' => { 'address' => 'tcp://10.0.0.12:8075', 'token' => 'era-12-6-node-2' },
}
