# Form 2: storage_nodes as a hash keyed by storage name.
praefect['enable'] = true
praefect['virtual_storage_name'] = 'default'
praefect['auth_token'] = 'secret'
praefect['storage_nodes'] = {
  'gitaly-1' => { 'address' => 'tcp://10.0.0.11:8075', 'token' => 't1', 'primary' => true },
  'gitaly-2' => { 'address' => 'tcp://10.0.0.12:8075', 'token' => 't2' },
  'gitaly-3' => { 'address' => 'tls://gitaly-3.internal:9999', 'token' => 't3', 'primary' => false },
}
