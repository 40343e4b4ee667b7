praefect['enable'] = true
praefect['virtual_storages'] = {
  'praefect' => {
    'g1' => { 'address' => 'tcp://g1:8075', 'token' => 't', 'primary' => true },
