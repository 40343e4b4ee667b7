# Every key praefect binds, with the literal forms gitlab.rb allows.
praefect['enable'] = true
praefect['dir'] = '/srv/praefect'
praefect['log_directory'] = "/srv/log/praefect"
praefect['listen_addr'] = 'localhost:2305'
praefect['socket_path'] = '/var/opt/gitlab/praefect/praefect.socket'
praefect['tls_listen_addr'] = '0.0.0.0:3305'
praefect['certificate_path'] = '/etc/gitlab/ssl/praefect.crt'
praefect['key_path'] = '/etc/gitlab/ssl/praefect.key'
praefect['prometheus_listen_addr'] = '[::1]:9652'
praefect['auth_token'] = 'tok\'en'
praefect['auth_transitioning'] = true
praefect['logging_level'] = 'debug'
praefect['logging_format'] = 'text'
praefect['database_host'] = ENV['PRAEFECT_DB_HOST']
praefect['database_port'] = 6_432
praefect['database_user'] = 'praefect_user'
praefect['database_password'] = "pa\"ss\u00e9word"
praefect['database_dbname'] = 'praefect_db'
praefect['database_sslmode'] = 'require'
praefect['failover_enabled'] = true
praefect['failover_force'] = false
praefect['distributed_reads_enabled'] = true
praefect['graceful_stop_timeout'] = '1m30s'
praefect['service_manager'] = 'systemd'
praefect['username'] = 'praefect'
praefect['group'] = 'praefect'
praefect['binary_path'] = '/usr/local/bin/praefect'
praefect['env'] = { 'SSL_CERT_DIR' => '/opt/gitlab/embedded/ssl/certs/', 'GOMAXPROCS' => 4 }
praefect['svlogd_size'] = 100 * 1024 * 1024
praefect['svlogd_num'] = 10
praefect['svlogd_timeout'] = 12 * 60 * 60
praefect['svlogd_filter'] = 'bzip2'
praefect['replication_workers_per_node'] = 4
praefect['replication_max_attempts'] = (3 + 2) * 2
praefect['virtual_storages'] = { 'praefect' => { 'n1' => { 'address' => 'tcp://n1:8075', 'token' => 'n1t', 'primary' => true } } }
