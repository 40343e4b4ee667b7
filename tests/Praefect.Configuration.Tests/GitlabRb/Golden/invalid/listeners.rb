praefect['enable'] = true
praefect['auth_token'] = 'secret'
praefect['listen_addr'] = 'tcp://0.0.0.0:2305'
praefect['prometheus_listen_addr'] = 'localhost'
praefect['tls_listen_addr'] = '0.0.0.0:3305'
praefect['service_manager'] = 'systemd-ish'
praefect['logging_level'] = 'INFO'
praefect['virtual_storages'] = { 'praefect' => { 'g1' => { 'address' => 'tcp://g1:8075', 'token' => 't', 'primary' => true } } }
