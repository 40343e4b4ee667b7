# Form 3: several virtual storages.
praefect['enable'] = true
praefect['listen_addr'] = '0.0.0.0:2305'
praefect['auth_token'] = 'praefect-secret'
praefect['virtual_storages'] = {
  'default' => {
    'gitaly-1' => { 'address' => 'tcp://gitaly-1.internal:8075', 'token' => 'g1', 'primary' => true },
    'gitaly-2' => { 'address' => 'tcp://gitaly-2.internal:8075', 'token' => 'g2' },
  },
  'archive' => {
    'cold-1' => { 'address' => 'unix:/var/opt/gitlab/gitaly/gitaly.socket', 'token' => 'c1', 'primary' => true },
  },
}
git_data_dirs({
  'default' => { 'gitaly_address' => 'tcp://praefect.internal:2305' },
  'archive' => { 'gitaly_address' => 'tcp://praefect.internal:2305' },
})
