# Every construct of the literal subset, on other services' keys (kept, not used).
=begin
A block comment, as Ruby allows.
praefect['enable'] = 'not read'
=end
external_url 'https://gitlab.example.com'
registry_external_url("https://registry.example.com")
roles ['redis_sentinel_role', 'redis_master_role']
gitlab_rails['ldap_servers'] = {
  'main' => {
    'label' => 'LDAP',
    'host' => 'ldap.example.com', # trailing comment
    'port' => 636,
    'uid' => "sAMAccountName",
    'verify_certificates' => true,
    'active_directory' => nil,
    'attributes' => { username: ['uid', 'userid'], email: %w(mail email userPrincipalName) },
  },
}
gitlab_rails['trusted_proxies'] = %w[10.0.0.0/8 192.168.0.0/16]
gitlab_rails['env'] = { "LANG" => "en_US.UTF-8", 'TZ' => :UTC }
gitlab_rails['backup_keep_time'] = 7 * 24 * 60 * 60; gitlab_rails['gitlab_shell_ssh_port'] = 2_222
gitlab_rails['db_load_balancing'] = { 'hosts' => [] }
nginx['ssl_ciphers'] = "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256"
nginx['custom_gitlab_server_config'] = "location ^~ /foo-namespace/bar-project/raw/ {\n deny all;\n}\n"
nginx['proxy_set_headers'] = {
  "X-Forwarded-Proto" => "https",
  "X-Forwarded-Ssl" => "on"
}
puma['worker_timeout'] = 60.5
puma['per_worker_max_memory_mb'] = 1_024
sidekiq['queue_groups'] = [
  "elastic_indexer",
  "*",
]
postgresql['shared_buffers'] = "256MB" # recommend value is 1/4 of total RAM
postgresql['max_connections'] = -(-400)
gitaly['configuration'] = {
  storage: [
    { name: 'default', path: '/var/opt/gitlab/git-data/repositories' },
  ],
  hooks: { custom_hooks_dir: '/var/opt/gitlab/gitaly/custom_hooks' },
}
gitlab_workhorse['env'] = { 'http_proxy' => ENV.fetch('HTTP_PROXY', ''), 'home' => "#{ENV['HOME_UNSET']}/x" }
letsencrypt['contact_emails'] = [
  'admin@example.com',
  'ops@example.com'
]
mattermost['env'] = {}
gitlab_rails['smtp_password'] = 'p@$$w0rd\\'
gitlab_rails['oct'] = 0755
gitlab_rails['hex'] = 0x1F
gitlab_rails['sci'] = 1.5e3
gitlab_rails['long'] = "first line " +
  "second line"
gitlab_rails['continued'] = 1 + \
  2
gitlab_rails['sym_list'] = %i(a b c)
