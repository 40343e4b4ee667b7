praefect['enable'] = 'true'
praefect['listen_addr'] = 2305
praefect['database_port'] = '5432'
praefect['graceful_stop_timeout'] = 'soon'
praefect['env'] = ['A=1']
praefect['replication_workers_per_node'] = 0
praefect['storage_nodes'] = 'praefect-git-1'
praefect['virtual_storages'] = { 'praefect' => { 'g1' => 'tcp://g1:8075' } }
git_data_dirs 'default'
praefect['transactions_quorum'] = 'most'
