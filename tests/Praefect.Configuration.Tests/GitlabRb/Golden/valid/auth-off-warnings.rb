# Valid, but with every warning: no auth token on a public listener, a node without token,
# two nodes on one address, a default port, and a virtual storage missing from git_data_dirs.
praefect['enable'] = true
praefect['listen_addr'] = ':2305'
praefect['virtual_storages'] = {
  'praefect' => {
    'a' => { 'address' => 'tcp://gitaly.internal', 'primary' => true, 'token' => 'ta' },
    'b' => { 'address' => 'tcp://gitaly.internal:8075', 'token' => 'tb' },
    'c' => { 'address' => 'tcp://other.internal:8075' },
  }
}
git_data_dirs({ 'default' => { 'path' => '/var/opt/gitlab/git-data' } })
