# /etc/gitlab/gitlab.rb for a Praefect node, as in the Praefect guide, on loopback addresses so
# that the demo runs three gitaly-lite nodes and praefect on one machine.
#
# Check it with:   praefect-ctl check --config docs/examples/gitlab.rb
# Show settings:   praefect-ctl show-config --config docs/examples/gitlab.rb

# Avoid running unnecessary services on the Praefect server
postgresql['enable'] = false
redis['enable'] = false
nginx['enable'] = false
prometheus['enable'] = false
unicorn['enable'] = false
sidekiq['enable'] = false
gitlab_workhorse['enable'] = false
gitaly['enable'] = false

praefect['enable'] = true
praefect['listen_addr'] = '127.0.0.1:2305'
praefect['prometheus_listen_addr'] = '127.0.0.1:9652'
praefect['auth_token'] = 'praefect-demo-secret'
# The demo runs the praefect built from this checkout; a package installs /opt/praefect/bin/praefect.
praefect['binary_path'] = ENV.fetch('PRAEFECT_BINARY', '/opt/praefect/bin/praefect')

# The virtual storage name must match the storage name given to praefect in git_data_dirs below.
praefect['virtual_storages'] = {
  'praefect' => {
    'praefect-git-1' => {
      'address' => 'tcp://127.0.0.1:18075',
      'token'   => 'praefect-git-1-token',
      'primary' => true
    },
    'praefect-git-2' => {
      'address' => 'tcp://127.0.0.1:18076',
      'token'   => 'praefect-git-2-token'
    },
    'praefect-git-3' => {
      'address' => 'tcp://127.0.0.1:18077',
      'token'   => 'praefect-git-3-token'
    }
  }
}

# How GitLab reaches praefect: the storage named like the virtual storage.
git_data_dirs({
  'praefect' => {
    'gitaly_address' => 'tcp://127.0.0.1:2305'
  }
})
