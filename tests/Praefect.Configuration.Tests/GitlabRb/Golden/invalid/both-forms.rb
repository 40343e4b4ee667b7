praefect['enable'] = true
praefect['auth_token'] = 'secret'
praefect['virtual_storage_name'] = 'old'
praefect['storage_nodes'] = [{ 'storage' => 'g1', 'address' => 'tcp://g1:8075', 'token' => 't', 'primary' => true }]
praefect['virtual_storages'] = { 'new' => { 'g1' => { 'address' => 'tcp://g1:8075', 'token' => 't', 'primary' => true } } }
