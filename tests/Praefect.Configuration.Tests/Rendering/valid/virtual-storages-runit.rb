# Several virtual storages, runit with env variables and an awkward data dir and token.
praefect['enable'] = true
praefect['dir'] = "/var/opt/gitlab/prae fect's dir"
praefect['auth_token'] = "q\"uote: #hash \\back 'single' é ✓"
praefect['env'] = { 'SSL_CERT_DIR' => '/opt/praefect/ssl/certs/' }
praefect['svlogd_size'] = 100 * 1024 * 1024
praefect['svlogd_num'] = 10
praefect['database_host'] = 'db.internal'
praefect['database_password'] = 'db-secret'
praefect['virtual_storages'] = {
  'default' => {
    'gitaly-1' => { 'address' => 'tcp://gitaly-1:8075', 'token' => "t: #1", 'primary' => true },
    'gitaly-2' => { 'address' => 'tcp://gitaly-2:8075', 'token' => 't2' },
  },
  'other' => {
    'gitaly-3' => { 'address' => 'unix:/var/opt/gitlab/gitaly.socket', 'token' => "x'y\"z", 'primary' => true },
  },
}
