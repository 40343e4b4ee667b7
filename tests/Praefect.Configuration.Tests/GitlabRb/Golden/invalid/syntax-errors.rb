# Many syntax errors; every one is reported.
praefect['auth_token'] = PRAEFECT_SQL_PASSWORD
praefect['storage_nodes'] = [
  {
    'storage' => 'praefect-git-1',
    'address' => 'tcp://praefect-git-1.internal'
    'token'   => 'token1',
    'primary' => true
  },
  {
    'storage' => 'praefect-git-2',
    'address' => ...,
    'token'   => "#{foo}"
  }
]
external_url 'http://x' 'y'
gitlab_rails['x'] = [1, 2
gitlab_rails['y'] = { 'a' => 1
gitaly['z'] = 'abc
nginx['a'] = 200 * 1024 * 1024 * 1024 * 1024 * 1024 * 1024
redis['port'] = File.read('/etc/port')
redis['bind'] = some_method
postgresql['x'] = ENV.fetch('PRAEFECT_DEFINITELY_UNSET')
if true
  nginx['enable'] = false
end
