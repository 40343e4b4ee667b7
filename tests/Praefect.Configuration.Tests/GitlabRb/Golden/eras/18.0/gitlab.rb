# Praefect of GitLab 17.x-18.x: praefect['configuration'] with TLS, Sentry, Prometheus buckets,
# a chosen primary, string keys and a second virtual storage (own file, written for this test).
praefect['enable'] = true
praefect['configuration'] = {
  'listen_addr' => '',
  'tls_listen_addr' => '0.0.0.0:3305',
  'socket_path' => '/var/opt/gitlab/praefect/praefect.socket',
  'prometheus_listen_addr' => 'localhost:9652',
  'tls' => {
    'certificate_path' => '/etc/gitlab/ssl/praefect.crt',
    'key_path' => '/etc/gitlab/ssl/praefect.key',
  },
  'auth' => { 'token' => ENV['PRAEFECT_AUTH_TOKEN'] },
  'sentry' => { 'sentry_dsn' => 'https://sentry.example.com/9', 'sentry_environment' => 'prod' },
  'prometheus' => { 'grpc_latency_buckets' => [0.1, 1.0, 10.0] },
  'replication' => { 'batch_size' => 10 },
  'virtual_storage' => [
    {
      'name' => 'default',
      'node' => [
        { 'storage' => 'gitaly-1', 'address' => 'tls://gitaly-1.internal:9999', 'token' => 'era-18-node-1' },
        { 'storage' => 'gitaly-2', 'address' => 'tls://gitaly-2.internal:9999', 'token' => 'era-18-node-2', 'primary' => true },
      ],
    },
    {
      'name' => 'small',
      'node' => [{ 'storage' => 'gitaly-9', 'address' => 'unix:/var/opt/gitlab/gitaly/gitaly.socket', 'token' => 'era-18-node-9' }],
    },
  ],
}
