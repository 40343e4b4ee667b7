# The seed's gitlab.rb (doc/administration/gitaly/praefect.md) with loopback addresses, as the
# install test writes it to /etc/gitlab/gitlab.rb. @LISTEN_PORT@ and @METRICS_PORT@ are free
# loopback ports chosen per run. The storage nodes need not run for praefect to start and
# answer its own health check.

# Avoid running unnecessary services on the Gitaly server
postgresql['enable'] = false
redis['enable'] = false
nginx['enable'] = false
prometheus['enable'] = false
unicorn['enable'] = false
sidekiq['enable'] = false
gitlab_workhorse['enable'] = false
gitaly['enable'] = false

# virtual_storage_name must match the same storage name given to praefect in git_data_dirs
praefect['virtual_storage_name'] = 'praefect'
praefect['auth_token'] = 'super_secret_abc'
praefect['enable'] = true
praefect['storage_nodes'] = [
  {
    'storage' => 'praefect-git-1',
    'address' => 'tcp://127.0.0.1:18075',
    'token'   => 'token1',
    'primary' => true
  },
  {
    'storage' => 'praefect-git-2',
    'address' => 'tcp://127.0.0.2:18075',
    'token'   => 'token2'
  },
  {
    'storage' => 'praefect-git-3',
    'address' => 'tcp://127.0.0.3:18075',
    'token'   => 'token3'
  }
]
praefect['listen_addr'] = '127.0.0.1:@LISTEN_PORT@'
praefect['prometheus_listen_addr'] = '127.0.0.1:@METRICS_PORT@'

git_data_dirs({
  "praefect" => {
    "gitaly_address" => "tcp://127.0.0.1:@LISTEN_PORT@"
  }
})
