praefect['enable'] = true
praefect['listen_addr'] = ''
praefect['virtual_storages'] = { 'praefect' => { 'g1' => { 'address' => 'unix:/run/gitaly.sock', 'token' => 't', 'primary' => true } } }
