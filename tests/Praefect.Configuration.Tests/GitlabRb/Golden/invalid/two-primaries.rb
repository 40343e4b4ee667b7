praefect['enable'] = true
praefect['auth_token'] = 'secret'
praefect['virtual_storage_name'] = 'praefect'
praefect['storage_nodes'] = [
  { 'storage' => 'praefect-git-1', 'address' => 'tcp://g1:8075', 'token' => 't1', 'primary' => true },
  { 'storage' => 'praefect-git-2', 'address' => 'tcp://g2:8075', 'token' => 't2', 'primary' => true },
]
