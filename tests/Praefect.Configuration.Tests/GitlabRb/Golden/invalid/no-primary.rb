praefect['enable'] = true
praefect['auth_token'] = 'secret'
praefect['virtual_storages'] = {
  'praefect' => {
    'praefect-git-1' => { 'address' => 'tcp://g1:8075', 'token' => 't1' },
    'praefect-git-2' => { 'address' => 'tcp://g2:8075', 'token' => 't2' },
  }
}
