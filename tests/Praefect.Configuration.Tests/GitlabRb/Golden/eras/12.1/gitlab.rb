# A Praefect node as the GitLab 12.1-12.2 guide set it up (own file, written for this test).
postgresql['enable'] = false
redis['enable'] = false
nginx['enable'] = false
prometheus['enable'] = false
unicorn['enable'] = false
sidekiq['enable'] = false
gitlab_workhorse['enable'] = false
gitaly['enable'] = false

praefect['enable'] = true
praefect['listen_addr'] = '0.0.0.0:2305'
praefect['prometheus_listen_addr'] = '0.0.0.0:9652'
praefect['virtual_storage_name'] = 'praefect'
praefect['auth_token'] = 'era-12-1-client-token'
praefect['logging_level'] = 'info'
praefect['logging_format'] = 'json'
praefect['storage_nodes'] = [
  {
    'storage' => 'gitaly-a',
    'address' => 'tcp://gitaly-a.internal:8075',
    'token'   => 'era-12-1-node-a',
    'primary' => true
  },
  {
    'storage' => 'gitaly-b',
    'address' => 'tcp://gitaly-b.internal:8075',
    'token'   => 'era-12-1-node-b'
  }
]
