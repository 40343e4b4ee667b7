praefcet['enable'] = true
gitlab_rail['time_zone'] = 'UTC'
extrenal_url 'https://gitlab.example.com'
foo_bar_baz['x'] = 1
