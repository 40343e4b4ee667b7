praefect['enable'] = true
praefect['auth_token'] = 'secret'
