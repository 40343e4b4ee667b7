praefect['enable'] = true
praefect['virtual_storages'] = {
  'praefect' => {},
  'praefect' => { 'g1' => { 'address' => 'tcp://g1:8075', 'token' => 't', 'primary' => true } },
  'empty' => nil,
}
git_data_dirs({ 'praefect' => { 'gitaly_address' => 'tcp://praefect:2305' } })
