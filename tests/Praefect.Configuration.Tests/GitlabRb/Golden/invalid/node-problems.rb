# Missing storage and address, a duplicate storage, bad addresses, 'primary' as a string.
praefect['enable'] = true
praefect['auth_token'] = 'secret'
praefect['storage_nodes'] = [
  { 'storage' => 'praefect-git-1', 'address' => 'tcp://g1:8075', 'token' => 't1', 'primary' => true },
  { 'storage' => 'praefect-git-2', 'token' => 't2' },
  { 'address' => 'tcp://g3:8075', 'token' => 't3' },
  { 'storage' => 'praefect-git-1', 'address' => 'tcp://g4:8075', 'token' => 't4' },
  { 'storage' => 'praefect-git-5', 'address' => 'http://g5:8075', 'token' => 't5' },
  { 'storage' => 'praefect-git-6', 'address' => 'tls://g6', 'token' => 't6' },
  { 'storage' => 'praefect-git-7', 'address' => 'tcp://g7:99999', 'token' => 't7', 'primary' => 'false' },
]
