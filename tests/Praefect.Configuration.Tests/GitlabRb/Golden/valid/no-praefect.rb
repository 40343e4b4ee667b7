# A gitlab.rb for another node: praefect is not configured, so the defaults show.
external_url 'http://gitlab.example.com'
gitaly['enable'] = true
