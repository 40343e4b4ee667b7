praefect['enable'] = true
praefect['auth_tokn'] = 'secret'
praefect['listen_address'] = 'localhost:2305'
praefect['completely_unknown'] = 1
praefect['sentry_dsn'] = 'https://sentry.example.com/1'
praefect['virtual_storages'] = {
  'praefect' => {
    'gitaly-1' => { 'adress' => 'tcp://g1:8075', 'token' => 't', 'primary' => true, 'storage' => 'gitaly-1' },
  }
}
