# Form 3 as later Omnibus wrote it, with a 'nodes' level, symbol keys and labels.
praefect['enable'] = true
praefect['auth_token'] = ENV['PRAEFECT_AUTH_TOKEN']
praefect['virtual_storages'] = {
  default: {
    'nodes' => {
      'gitaly-1' => { address: 'tcp://gitaly-1.internal:8075', token: ENV.fetch('GITALY_TOKEN'), primary: true },
      'gitaly-2' => { :address => 'tcp://gitaly-2.internal:8075', :token => ENV.fetch('MISSING_TOKEN', 'fallback-token') },
      "gitaly-3": { "address": "tcp://#{ENV['NODE_HOST']}:8075", "token": ENV['MISSING'] || 'or-token' },
    }
  }
}
