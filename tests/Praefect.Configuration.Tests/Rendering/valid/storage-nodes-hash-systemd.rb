# The storage_nodes hash form, rendered for systemd with text logs, env variables and a socket.
praefect['enable'] = true
praefect['service_manager'] = 'systemd'
praefect['logging_format'] = 'text'
praefect['listen_addr'] = '0.0.0.0:2305'
praefect['socket_path'] = '/run/praefect/praefect.socket'
praefect['graceful_stop_timeout'] = 30
praefect['env'] = { 'SSL_CERT_DIR' => '/opt/praefect/ssl/certs/', 'GODEBUG' => 'x=1,y=$HOME%d' }
praefect['virtual_storage_name'] = 'praefect'
praefect['auth_token'] = 'abc'
praefect['storage_nodes'] = {
  'gitaly-1' => { 'address' => 'tcp://10.0.0.1:8075', 'token' => 't1', 'primary' => true },
  'gitaly-2' => { 'address' => 'tcp://10.0.0.2:8075', 'token' => 't2' },
}
