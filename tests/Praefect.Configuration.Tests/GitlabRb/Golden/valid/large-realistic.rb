## GitLab configuration settings
##! This file is generated during initial installation and **is not** modified
##! during upgrades.
##! Check out the latest version of this file to know about the different
##! settings that can be configured by this file, which may be found at:
##! https://gitlab.com/gitlab-org/omnibus-gitlab/raw/master/files/gitlab-config-template/gitlab.rb.template

## GitLab URL
##! URL on which GitLab will be reachable.
##! For more details on configuring external_url see:
##! https://docs.gitlab.com/omnibus/settings/configuration.html#configuring-the-external-url-for-gitlab
external_url 'https://gitlab.example.com'

## Roles for multi-instance GitLab
##! The default is to have no roles enabled, which results in GitLab running as an all-in-one instance.
##! Options:
##!   redis_sentinel_role redis_master_role redis_replica_role geo_primary_role geo_secondary_role
##!   postgres_role consul_role application_role monitoring_role
# roles ['redis_sentinel_role', 'redis_master_role']

## Legend
##! The following notations at the beginning of each line may be used to
##! differentiate between components of this file and to easily select them using
##! a regex.
##! ## Titles, subtitles etc
##! ##! More information - Description, Docs, Links, Issues etc.
##! Configuration settings have a single # followed by a single space at the
##! beginning; Remove them to enable the setting.

##! **Configuration settings below are optional.**

################################################################################
## GitLab Rails
##! Docs: https://docs.gitlab.com/omnibus/settings/gitlab-rails.html
################################################################################

### Time zone
##! Only used when the service is enabled.
# gitlab_rails['time_zone'] = 'UTC'

##! Value in seconds.
# gitlab_rails['gitlab_email_enabled'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['gitlab_email_from'] = 'example@example.com'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['gitlab_email_display_name'] = 'Example'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['gitlab_email_reply_to'] = 'noreply@example.com'

##! Set to false to disable.
gitlab_rails['gitlab_email_subject_suffix'] = ''

##! Value in seconds.
# gitlab_rails['gitlab_email_smime_enabled'] = false

##! Set to false to disable.
# gitlab_rails['gitlab_email_smime_key_file'] = '/etc/gitlab/ssl/gitlab_smime.key'

##! Value in seconds.
gitlab_rails['gitlab_email_smime_cert_file'] = '/etc/gitlab/ssl/gitlab_smime.crt'

### Gitlab default can create group
##! See the service documentation for details.
# gitlab_rails['gitlab_default_can_create_group'] = true

##! Set to false to disable.
# gitlab_rails['gitlab_username_changing_enabled'] = true

##! See the service documentation for details.
# gitlab_rails['gitlab_default_theme'] = 2

##! See the service documentation for details.
# gitlab_rails['gitlab_default_projects_features_issues'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['gitlab_default_projects_features_merge_requests'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['gitlab_default_projects_features_wiki'] = true

##! Set to false to disable.
# gitlab_rails['gitlab_default_projects_features_snippets'] = true

##! Set to false to disable.
# gitlab_rails['gitlab_default_projects_features_builds'] = true

##! See the service documentation for details.
# gitlab_rails['gitlab_default_projects_features_container_registry'] = true

### Gitlab issue closing pattern
##! Leave unset to use the default.
# gitlab_rails['gitlab_issue_closing_pattern'] = "\b((?:[Cc]los(?:e[sd]?|ing)|\b[Ff]ix(?:e[sd]|ing)?))"

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['webhook_timeout'] = 10

##! Changing this requires a restart of the service.
# gitlab_rails['graphql_timeout'] = 30

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['trusted_proxies'] = []

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['content_security_policy'] = nil

##! Value in seconds.
# gitlab_rails['allowed_hosts'] = []

##! Only used when the service is enabled.
# gitlab_rails['monitoring_whitelist'] = ['127.0.0.0/8','::1/128']

##! Value in seconds.
# gitlab_rails['monitoring_unicorn_sampler_interval'] = 10

##! Set to false to disable.
# gitlab_rails['initial_root_password'] = 'password'

### Initial shared runners registration token
##! Changing this requires a restart of the service.
# gitlab_rails['initial_shared_runners_registration_token'] = 'token'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['db_adapter'] = 'postgresql'

##! See the service documentation for details.
# gitlab_rails['db_encoding'] = 'unicode'

##! Only used when the service is enabled.
# gitlab_rails['db_collation'] = nil

##! Only used when the service is enabled.
# gitlab_rails['db_database'] = 'gitlabhq_production'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['db_pool'] = 1

##! Value in seconds.
# gitlab_rails['db_username'] = 'gitlab'

##! Only used when the service is enabled.
# gitlab_rails['db_password'] = nil

##! Value in seconds.
# gitlab_rails['db_host'] = nil

### Db port
##! Changing this requires a restart of the service.
# gitlab_rails['db_port'] = 5432

##! See the service documentation for details.
# gitlab_rails['db_socket'] = nil

##! Leave unset to use the default.
# gitlab_rails['db_sslmode'] = nil

##! Changing this requires a restart of the service.
# gitlab_rails['db_sslcompression'] = 0

##! Value in seconds.
# gitlab_rails['db_sslrootcert'] = nil

##! Value in seconds.
# gitlab_rails['db_sslcert'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['db_sslkey'] = nil

##! Value in seconds.
# gitlab_rails['db_prepared_statements'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['db_statements_limit'] = 1000

### Db connect timeout
##! Changing this requires a restart of the service.
# gitlab_rails['db_connect_timeout'] = nil

##! See the service documentation for details.
# gitlab_rails['db_keepalives'] = nil

##! Leave unset to use the default.
# gitlab_rails['db_keepalives_idle'] = nil

##! Changing this requires a restart of the service.
# gitlab_rails['db_keepalives_interval'] = nil

##! Changing this requires a restart of the service.
# gitlab_rails['db_keepalives_count'] = nil

##! Value in seconds.
# gitlab_rails['db_tcp_user_timeout'] = nil

##! See the service documentation for details.
# gitlab_rails['db_application_name'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['redis_host'] = '127.0.0.1'

##! Only used when the service is enabled.
# gitlab_rails['redis_port'] = 6379

### Redis ssl
##! Set to false to disable.
# gitlab_rails['redis_ssl'] = false

##! Leave unset to use the default.
# gitlab_rails['redis_password'] = nil

##! Set to false to disable.
# gitlab_rails['redis_database'] = 0

##! See the service documentation for details.
# gitlab_rails['redis_enable_client'] = true

##! Set to false to disable.
# gitlab_rails['redis_cache_instance'] = nil

##! Leave unset to use the default.
# gitlab_rails['redis_queues_instance'] = nil

##! Changing this requires a restart of the service.
# gitlab_rails['redis_shared_state_instance'] = nil

##! Only used when the service is enabled.
# gitlab_rails['redis_actioncable_instance'] = nil

##! Value in seconds.
# gitlab_rails['smtp_enable'] = true

### Smtp address
##! Set to false to disable.
# gitlab_rails['smtp_address'] = 'smtp.server'

##! Set to false to disable.
# gitlab_rails['smtp_port'] = 465

##! Set to false to disable.
gitlab_rails['smtp_user_name'] = 'smtp user'

##! Leave unset to use the default.
# gitlab_rails['smtp_password'] = 'smtp password'

##! Only used when the service is enabled.
# gitlab_rails['smtp_domain'] = 'example.com'

##! Set to false to disable.
# gitlab_rails['smtp_authentication'] = 'login'

##! Only used when the service is enabled.
# gitlab_rails['smtp_enable_starttls_auto'] = true

##! Only used when the service is enabled.
# gitlab_rails['smtp_tls'] = false

##! Changing this requires a restart of the service.
# gitlab_rails['smtp_pool'] = false

### Smtp openssl verify mode
##! See the service documentation for details.
# gitlab_rails['smtp_openssl_verify_mode'] = 'none'

##! Changing this requires a restart of the service.
gitlab_rails['smtp_ca_path'] = '/etc/ssl/certs'

##! Leave unset to use the default.
# gitlab_rails['smtp_ca_file'] = '/etc/ssl/certs/ca-certificates.crt'

##! Leave unset to use the default.
# gitlab_rails['incoming_email_enabled'] = true

##! See the service documentation for details.
# gitlab_rails['incoming_email_address'] = 'gitlab-incoming+%{key}@gmail.com'

##! Value in seconds.
# gitlab_rails['incoming_email_email'] = 'gitlab-incoming@gmail.com'

##! Value in seconds.
# gitlab_rails['incoming_email_password'] = '[REDACTED]'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['incoming_email_host'] = 'imap.gmail.com'

##! Set to false to disable.
# gitlab_rails['incoming_email_port'] = 993

### Incoming email ssl
##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['incoming_email_ssl'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['incoming_email_start_tls'] = false

##! See the service documentation for details.
# gitlab_rails['incoming_email_mailbox_name'] = 'inbox'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['incoming_email_idle_timeout'] = 60

##! See the service documentation for details.
gitlab_rails['incoming_email_log_file'] = '/var/log/gitlab/mailroom/mail_room_json.log'

##! Leave unset to use the default.
# gitlab_rails['incoming_email_delete_after_delivery'] = true

##! Value in seconds.
# gitlab_rails['incoming_email_expunge_deleted'] = false

##! Only used when the service is enabled.
# gitlab_rails['manage_backup_path'] = true

##! See the service documentation for details.
# gitlab_rails['backup_path'] = '/var/opt/gitlab/backups'

### Backup gitaly backup path
##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['backup_gitaly_backup_path'] = '/opt/gitlab/embedded/bin/gitaly-backup'

##! Value in seconds.
# gitlab_rails['backup_archive_permissions'] = 0644

##! Value in seconds.
# gitlab_rails['backup_pg_schema'] = 'public'

##! Only used when the service is enabled.
# gitlab_rails['backup_keep_time'] = 604800

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['backup_upload_connection'] = nil

##! Changing this requires a restart of the service.
# gitlab_rails['backup_upload_remote_directory'] = 'my.s3.bucket'

##! Leave unset to use the default.
# gitlab_rails['backup_multipart_chunk_size'] = 104857600

##! See the service documentation for details.
gitlab_rails['backup_encryption'] = 'AES256'

##! See the service documentation for details.
# gitlab_rails['backup_encryption_key'] = '<key>'

### Backup storage class
##! Changing this requires a restart of the service.
# gitlab_rails['backup_storage_class'] = 'STANDARD'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['gitlab_shell_ssh_port'] = 22

##! Only used when the service is enabled.
# gitlab_rails['gitlab_shell_git_timeout'] = 800

##! Leave unset to use the default.
# gitlab_rails['git_max_size'] = 20971520

##! Leave unset to use the default.
# gitlab_rails['git_timeout'] = 10

##! Only used when the service is enabled.
# gitlab_rails['extra_google_analytics_id'] = '_your_tracking_id'

##! Only used when the service is enabled.
# gitlab_rails['extra_matomo_url'] = '_your_matomo_url'

##! See the service documentation for details.
# gitlab_rails['extra_matomo_site_id'] = '_your_matomo_site_id'

##! See the service documentation for details.
# gitlab_rails['rack_attack_git_basic_auth'] = nil

### Omniauth enabled
##! Set to false to disable.
# gitlab_rails['omniauth_enabled'] = nil

##! Leave unset to use the default.
# gitlab_rails['omniauth_allow_single_sign_on'] = ['saml']

##! Leave unset to use the default.
# gitlab_rails['omniauth_sync_email_from_provider'] = 'saml'

##! Set to false to disable.
# gitlab_rails['omniauth_sync_profile_from_provider'] = ['saml']

##! Changing this requires a restart of the service.
# gitlab_rails['omniauth_sync_profile_attributes'] = ['email']

##! Set to false to disable.
# gitlab_rails['omniauth_auto_sign_in_with_provider'] = 'saml'

##! Only used when the service is enabled.
# gitlab_rails['omniauth_block_auto_created_users'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['omniauth_auto_link_ldap_user'] = false

##! Value in seconds.
# gitlab_rails['omniauth_auto_link_saml_user'] = false

### Omniauth external providers
##! Changing this requires a restart of the service.
# gitlab_rails['omniauth_external_providers'] = ['twitter','google_oauth2']

##! Only used when the service is enabled.
# gitlab_rails['omniauth_allow_bypass_two_factor'] = ['google_oauth2']

##! Changing this requires a restart of the service.
# gitlab_rails['omniauth_providers'] = []

##! Only used when the service is enabled.
# gitlab_rails['ldap_enabled'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['ldap_prevent_ldap_sign_in'] = false

##! Set to false to disable.
# gitlab_rails['uploads_directory'] = '/var/opt/gitlab/gitlab-rails/uploads'

##! Value in seconds.
# gitlab_rails['uploads_storage_path'] = '/opt/gitlab/embedded/service/gitlab-rails/public'

##! See the service documentation for details.
# gitlab_rails['uploads_base_dir'] = 'uploads/-/system'

##! Value in seconds.
# gitlab_rails['uploads_object_store_enabled'] = false

### Uploads object store direct upload
##! Only used when the service is enabled.
# gitlab_rails['uploads_object_store_direct_upload'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['lfs_enabled'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['lfs_storage_path'] = '/var/opt/gitlab/gitlab-rails/shared/lfs-objects'

##! Leave unset to use the default.
# gitlab_rails['lfs_object_store_enabled'] = false

##! Set to false to disable.
# gitlab_rails['lfs_object_store_remote_directory'] = 'lfs-objects'

##! Set to false to disable.
# gitlab_rails['artifacts_enabled'] = true

##! Changing this requires a restart of the service.
# gitlab_rails['artifacts_path'] = '/var/opt/gitlab/gitlab-rails/shared/artifacts'

##! Leave unset to use the default.
# gitlab_rails['artifacts_object_store_enabled'] = false

##! Changing this requires a restart of the service.
# gitlab_rails['external_diffs_enabled'] = false

### External diffs when
##! Value in seconds.
# gitlab_rails['external_diffs_when'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['packages_enabled'] = true

##! Set to false to disable.
# gitlab_rails['packages_storage_path'] = '/var/opt/gitlab/gitlab-rails/shared/packages'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_rails['dependency_proxy_enabled'] = true

##! Value in seconds.
# gitlab_rails['terraform_state_enabled'] = true

##! Set to false to disable.
# gitlab_rails['pages_object_store_enabled'] = false

##! See the service documentation for details.
# gitlab_rails['ci_secure_files_enabled'] = true

##! Changing this requires a restart of the service.
# gitlab_rails['sentry_enabled'] = false

##! Set to false to disable.
# gitlab_rails['sentry_dsn'] = 'https://<key>@sentry.io/<project>'

### Sentry clientside dsn
##! Set to false to disable.
gitlab_rails['sentry_clientside_dsn'] = 'https://<key>@sentry.io/<project>'

##! Leave unset to use the default.
# gitlab_rails['sentry_environment'] = 'production'

##! Changing this requires a restart of the service.
# gitlab_rails['usage_ping_enabled'] = true

##! Changing this requires a restart of the service.
# gitlab_rails['seat_link_enabled'] = true

##! Value in seconds.
# gitlab_rails['env'] = {}

##! Leave unset to use the default.
# gitlab_rails['rake_cache_clear'] = true

##! Only used when the service is enabled.
# gitlab_rails['max_request_duration_seconds'] = 57

##! See the service documentation for details.
# gitlab_rails['impersonation_enabled'] = nil

##! See the service documentation for details.
# gitlab_rails['disable_animations'] = false

### Application settings cache seconds
##! See the service documentation for details.
# gitlab_rails['application_settings_cache_seconds'] = 60

##! Set to false to disable.
# gitlab_rails['auto_migrate'] = true

##! Changing this requires a restart of the service.
# gitlab_rails['shared_path'] = '/var/opt/gitlab/gitlab-rails/shared'

##! Value in seconds.
# gitlab_rails['encrypted_settings_path'] = '/var/opt/gitlab/gitlab-rails/shared/encrypted_settings'

##! Leave unset to use the default.
# gitlab_rails['artifacts_object_store_proxy_download'] = false

##! Value in seconds.
# gitlab_rails['gitlab_kas_enabled'] = false


################################################################################
## Container Registry settings
##! Docs: https://docs.gitlab.com/omnibus/settings/registry.html
################################################################################

### Enable
##! See the service documentation for details.
# registry['enable'] = true

##! Set to false to disable.
# registry['username'] = 'registry'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# registry['group'] = 'registry'

##! Leave unset to use the default.
# registry['uid'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# registry['gid'] = nil

##! Set to false to disable.
# registry['dir'] = '/var/opt/gitlab/registry'

##! Value in seconds.
# registry['registry_http_addr'] = '127.0.0.1:5000'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# registry['debug_addr'] = 'localhost:5001'

##! Only used when the service is enabled.
# registry['log_directory'] = '/var/log/gitlab/registry'

### Env directory
##! See the service documentation for details.
# registry['env_directory'] = '/opt/gitlab/etc/registry/env'

##! Leave unset to use the default.
# registry['log_level'] = 'info'

##! See the service documentation for details.
registry['log_formatter'] = 'text'

##! Set to false to disable.
# registry['rootcertbundle'] = '/var/opt/gitlab/registry/certificate.crt'

##! Leave unset to use the default.
# registry['health_storagedriver_enabled'] = true

##! Value in seconds.
# registry['middleware'] = nil

##! Leave unset to use the default.
# registry['storage_delete_enabled'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# registry['validation_enabled'] = false

##! See the service documentation for details.
# registry['autoredirect'] = false

### Compatibility schema1 enabled
##! See the service documentation for details.
# registry['compatibility_schema1_enabled'] = false

##! Changing this requires a restart of the service.
# registry['svlogd_size'] = 209715200

##! See the service documentation for details.
# registry['svlogd_num'] = 30

##! Value in seconds.
# registry['svlogd_timeout'] = 86400

##! Set to false to disable.
# registry['svlogd_filter'] = 'gzip'

##! Only used when the service is enabled.
# registry['svlogd_udp'] = nil

##! Set to false to disable.
# registry['svlogd_prefix'] = nil


################################################################################
## GitLab Workhorse
##! Docs: https://docs.gitlab.com/omnibus/settings/gitlab-workhorse.html
################################################################################

### Enable
##! Set to false to disable.
# gitlab_workhorse['enable'] = true

##! Value in seconds.
# gitlab_workhorse['ha'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_workhorse['alt_document_root'] = nil

##! Value in seconds.
# gitlab_workhorse['listen_network'] = 'unix'

##! Changing this requires a restart of the service.
# gitlab_workhorse['listen_umask'] = 000

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_workhorse['listen_addr'] = '/var/opt/gitlab/gitlab-workhorse/sockets/socket'

##! Set to false to disable.
# gitlab_workhorse['auth_backend'] = 'http://localhost:8080'

##! Changing this requires a restart of the service.
# gitlab_workhorse['auth_socket'] = '/var/opt/gitlab/gitlab-rails/sockets/gitlab.socket'

##! Set to false to disable.
# gitlab_workhorse['cable_backend'] = nil

### Cable socket
##! Set to false to disable.
# gitlab_workhorse['cable_socket'] = nil

##! Set to false to disable.
# gitlab_workhorse['pprof_listen_addr'] = "''"

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_workhorse['prometheus_listen_addr'] = 'localhost:9229'

##! Value in seconds.
# gitlab_workhorse['dir'] = '/var/opt/gitlab/gitlab-workhorse'

##! Changing this requires a restart of the service.
# gitlab_workhorse['log_directory'] = '/var/log/gitlab/gitlab-workhorse'

##! Set to false to disable.
# gitlab_workhorse['proxy_headers_timeout'] = '1m0s'

##! See the service documentation for details.
# gitlab_workhorse['api_limit'] = 0

##! Value in seconds.
# gitlab_workhorse['api_queue_duration'] = '30s'

##! Only used when the service is enabled.
# gitlab_workhorse['api_queue_limit'] = 0

### Api ci long polling duration
##! Only used when the service is enabled.
gitlab_workhorse['api_ci_long_polling_duration'] = '60s'

##! See the service documentation for details.
# gitlab_workhorse['propagate_correlation_id'] = false

##! Changing this requires a restart of the service.
# gitlab_workhorse['trusted_cidrs_for_propagation'] = [
#   'first',
#   'second'
# ]

##! Only used when the service is enabled.
# gitlab_workhorse['trusted_cidrs_for_x_forwarded_for'] = []

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_workhorse['log_format'] = 'json'

##! Leave unset to use the default.
# gitlab_workhorse['env_directory'] = '/opt/gitlab/etc/gitlab-workhorse/env'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_workhorse['image_scaler_max_procs'] = 4

##! Only used when the service is enabled.
gitlab_workhorse['image_scaler_max_filesize'] = 250000

##! Leave unset to use the default.
# gitlab_workhorse['consul_service_name'] = 'workhorse'

### Consul service meta
##! Leave unset to use the default.
# gitlab_workhorse['consul_service_meta'] = nil


################################################################################
## GitLab Puma
##! Docs: https://docs.gitlab.com/omnibus/settings/puma.html
################################################################################

### Enable
##! Value in seconds.
# puma['enable'] = false

##! Changing this requires a restart of the service.
# puma['ha'] = false

##! Only used when the service is enabled.
# puma['worker_timeout'] = 60

##! See the service documentation for details.
# puma['worker_processes'] = 2

##! See the service documentation for details.
# puma['min_threads'] = 4

##! Only used when the service is enabled.
# puma['max_threads'] = 4

##! Docs: https://docs.gitlab.com/omnibus/settings/
# puma['listen'] = '127.0.0.1'

##! Set to false to disable.
# puma['port'] = 8080

##! Docs: https://docs.gitlab.com/omnibus/settings/
# puma['socket'] = '/var/opt/gitlab/gitlab-rails/sockets/gitlab.socket'

### Somaxconn
##! Docs: https://docs.gitlab.com/omnibus/settings/
# puma['somaxconn'] = 1024

##! Leave unset to use the default.
# puma['pidfile'] = '/opt/gitlab/var/puma/puma.pid'

##! See the service documentation for details.
# puma['state_path'] = '/opt/gitlab/var/puma/puma.state'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# puma['log_directory'] = '/var/log/gitlab/puma'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# puma['per_worker_max_memory_mb'] = 1024

##! Only used when the service is enabled.
# puma['exporter_enabled'] = false

##! Value in seconds.
# puma['exporter_address'] = '127.0.0.1'

##! Only used when the service is enabled.
# puma['exporter_port'] = 8083

##! Docs: https://docs.gitlab.com/omnibus/settings/
# puma['ssl_listen'] = nil

### Ssl port
##! Set to false to disable.
# puma['ssl_port'] = nil

##! Set to false to disable.
# puma['ssl_certificate'] = nil

##! Set to false to disable.
# puma['ssl_certificate_key'] = nil


################################################################################
## GitLab Sidekiq
##! Docs: https://docs.gitlab.com/omnibus/settings/sidekiq.html
################################################################################

### Enable
##! Only used when the service is enabled.
# sidekiq['enable'] = true

##! See the service documentation for details.
# sidekiq['ha'] = false

##! Only used when the service is enabled.
# sidekiq['log_directory'] = '/var/log/gitlab/sidekiq'

##! Changing this requires a restart of the service.
# sidekiq['log_format'] = 'json'

##! Only used when the service is enabled.
# sidekiq['shutdown_timeout'] = 4

##! Only used when the service is enabled.
sidekiq['queue_selector'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# sidekiq['interval'] = nil

##! See the service documentation for details.
# sidekiq['max_concurrency'] = 50

##! See the service documentation for details.
# sidekiq['min_concurrency'] = nil

### Routing rules
##! Value in seconds.
# sidekiq['routing_rules'] = [
#   'first',
#   'second'
# ]

##! Leave unset to use the default.
# sidekiq['metrics_enabled'] = true

##! Changing this requires a restart of the service.
# sidekiq['exporter_log_enabled'] = false

##! Leave unset to use the default.
# sidekiq['listen_address'] = 'localhost'

##! See the service documentation for details.
# sidekiq['listen_port'] = 8082

##! Set to false to disable.
# sidekiq['health_checks_enabled'] = true

##! Only used when the service is enabled.
# sidekiq['health_checks_listen_address'] = 'localhost'

##! Changing this requires a restart of the service.
# sidekiq['health_checks_listen_port'] = 8092


################################################################################
## gitlab-shell
##! Docs: https://docs.gitlab.com/omnibus/settings/gitlab-shell.html
################################################################################

### Audit usernames
##! Set to false to disable.
# gitlab_shell['audit_usernames'] = false

##! Only used when the service is enabled.
# gitlab_shell['log_level'] = 'INFO'

##! Leave unset to use the default.
# gitlab_shell['log_format'] = 'json'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_shell['http_settings'] = {}

##! Value in seconds.
# gitlab_shell['log_directory'] = '/var/log/gitlab/gitlab-shell/'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_shell['auth_file'] = '/var/opt/gitlab/.ssh/authorized_keys'

##! Value in seconds.
# gitlab_shell['dir'] = '/var/opt/gitlab/gitlab-shell'

##! Changing this requires a restart of the service.
# gitlab_shell['migration'] = {}


################################################################################
## GitLab PostgreSQL
##! Docs: https://docs.gitlab.com/omnibus/settings/postgresql.html
################################################################################

### Enable
##! Changing this requires a restart of the service.
# postgresql['enable'] = true

##! Value in seconds.
# postgresql['listen_address'] = nil

##! Only used when the service is enabled.
# postgresql['port'] = 5432

##! Only used when the service is enabled.
# postgresql['data_dir'] = '/var/opt/gitlab/postgresql/data'

##! Only used when the service is enabled.
# postgresql['max_connections'] = 400

##! See the service documentation for details.
# postgresql['shared_buffers'] = '256MB'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['work_mem'] = '16MB'

##! Only used when the service is enabled.
# postgresql['maintenance_work_mem'] = '16MB'

##! Set to false to disable.
postgresql['checkpoint_segments'] = 10

### Checkpoint timeout
##! Value in seconds.
# postgresql['checkpoint_timeout'] = '5min'

##! Only used when the service is enabled.
# postgresql['checkpoint_completion_target'] = 0.9

##! Set to false to disable.
# postgresql['checkpoint_warning'] = '30s'

##! Leave unset to use the default.
postgresql['effective_cache_size'] = '1MB'

##! Only used when the service is enabled.
# postgresql['wal_buffers'] = '-1'

##! Set to false to disable.
# postgresql['autovacuum'] = 'on'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['log_autovacuum_min_duration'] = '-1'

##! Only used when the service is enabled.
# postgresql['autovacuum_max_workers'] = '3'

##! Set to false to disable.
# postgresql['autovacuum_naptime'] = '1min'

### Autovacuum vacuum threshold
##! See the service documentation for details.
# postgresql['autovacuum_vacuum_threshold'] = '50'

##! Set to false to disable.
# postgresql['autovacuum_analyze_threshold'] = '50'

##! Changing this requires a restart of the service.
# postgresql['autovacuum_vacuum_scale_factor'] = '0.02'

##! See the service documentation for details.
# postgresql['autovacuum_analyze_scale_factor'] = '0.01'

##! Only used when the service is enabled.
# postgresql['autovacuum_freeze_max_age'] = '200000000'

##! Value in seconds.
# postgresql['autovacuum_vacuum_cost_delay'] = '20ms'

##! Changing this requires a restart of the service.
# postgresql['autovacuum_vacuum_cost_limit'] = '-1'

##! Set to false to disable.
postgresql['statement_timeout'] = '60000'

##! Leave unset to use the default.
# postgresql['idle_in_transaction_session_timeout'] = '60000'

### Log line prefix
##! See the service documentation for details.
# postgresql['log_line_prefix'] = nil

##! Changing this requires a restart of the service.
# postgresql['track_activity_query_size'] = '1024'

##! See the service documentation for details.
# postgresql['shared_preload_libraries'] = nil

##! See the service documentation for details.
# postgresql['dynamic_shared_memory_type'] = nil

##! See the service documentation for details.
# postgresql['hot_standby'] = 'off'

##! Leave unset to use the default.
postgresql['ssl'] = 'on'

##! Changing this requires a restart of the service.
# postgresql['ssl_ciphers'] = 'HIGH:MEDIUM:+3DES:!aNULL:!SSLv3:!TLSv1'

##! Changing this requires a restart of the service.
# postgresql['ssl_cert_file'] = 'server.crt'

##! Changing this requires a restart of the service.
# postgresql['ssl_key_file'] = 'server.key'

### Ssl ca file
##! Docs: https://docs.gitlab.com/omnibus/settings/
postgresql['ssl_ca_file'] = '/opt/gitlab/embedded/ssl/certs/cacert.pem'

##! Set to false to disable.
# postgresql['ssl_crl_file'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['md5_auth_cidr_addresses'] = [
#   'first',
#   'second'
# ]

##! Value in seconds.
# postgresql['trust_auth_cidr_addresses'] = []

##! Changing this requires a restart of the service.
# postgresql['wal_level'] = 'hot_standby'

##! Set to false to disable.
# postgresql['max_wal_senders'] = 5

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['max_replication_slots'] = 0

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['max_locks_per_transaction'] = 128

##! See the service documentation for details.
# postgresql['hba_file'] = nil

### Log directory
##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['log_directory'] = '/var/log/gitlab/postgresql'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['svlogd_size'] = 209715200

##! Value in seconds.
# postgresql['svlogd_num'] = 30

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgresql['username'] = 'gherkin'

##! Set to false to disable.
# postgresql['group'] = 'gherkin'

##! Set to false to disable.
# postgresql['sql_user'] = 'gitlab'

##! Changing this requires a restart of the service.
# postgresql['sql_user_password'] = 'md5hash'

##! Value in seconds.
# postgresql['version'] = nil


################################################################################
## GitLab Redis
##! Docs: https://docs.gitlab.com/omnibus/settings/redis.html
################################################################################

### Enable
##! Docs: https://docs.gitlab.com/omnibus/settings/
# redis['enable'] = true

##! Changing this requires a restart of the service.
# redis['ha'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# redis['hz'] = 10

##! Changing this requires a restart of the service.
# redis['dir'] = '/var/opt/gitlab/redis'

##! See the service documentation for details.
# redis['log_directory'] = '/var/log/gitlab/redis'

##! Only used when the service is enabled.
# redis['username'] = 'gitlab-redis'

##! Changing this requires a restart of the service.
# redis['group'] = 'gitlab-redis'

##! See the service documentation for details.
# redis['maxclients'] = '10000'

##! Value in seconds.
# redis['maxmemory'] = '0'

### Maxmemory policy
##! Only used when the service is enabled.
# redis['maxmemory_policy'] = 'noeviction'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# redis['maxmemory_samples'] = '5'

##! Changing this requires a restart of the service.
# redis['tcp_backlog'] = 511

##! Changing this requires a restart of the service.
# redis['tcp_timeout'] = '60'

##! Value in seconds.
# redis['tcp_keepalive'] = '300'

##! Leave unset to use the default.
# redis['bind'] = '127.0.0.1'

##! See the service documentation for details.
# redis['port'] = 6379

##! Docs: https://docs.gitlab.com/omnibus/settings/
# redis['password'] = 'redis-password-goes-here'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# redis['master_name'] = 'gitlab-redis'

### Master ip
##! Docs: https://docs.gitlab.com/omnibus/settings/
# redis['master_ip'] = nil

##! Value in seconds.
# redis['master_port'] = 6379

##! Value in seconds.
# redis['master_password'] = nil

##! Set to false to disable.
# redis['announce_ip'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# redis['announce_port'] = nil

##! See the service documentation for details.
# redis['rename_commands'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Only used when the service is enabled.
# redis['io_threads'] = 1

##! Leave unset to use the default.
# redis['io_threads_do_reads'] = false

##! Only used when the service is enabled.
# redis['stop_writes_on_bgsave_error'] = true

### Save
##! Changing this requires a restart of the service.
# redis['save'] = ['900 1','300 10','60 10000']

##! Value in seconds.
# redis['lazyfree_lazy_eviction'] = false

##! Value in seconds.
# redis['lazyfree_lazy_expire'] = false

##! Set to false to disable.
redis['lazyfree_lazy_server_del'] = false

##! Value in seconds.
# redis['replica_lazy_flush'] = false


################################################################################
## GitLab NGINX
##! Docs: https://docs.gitlab.com/omnibus/settings/nginx.html
################################################################################

### Enable
##! Value in seconds.
# nginx['enable'] = true

##! Set to false to disable.
# nginx['client_max_body_size'] = '250m'

##! Value in seconds.
# nginx['redirect_http_to_https'] = false

##! Leave unset to use the default.
# nginx['redirect_http_to_https_port'] = 80

##! Only used when the service is enabled.
# nginx['ssl_client_certificate'] = '/etc/gitlab/ssl/ca.crt'

##! Leave unset to use the default.
# nginx['ssl_verify_client'] = 'off'

##! Set to false to disable.
# nginx['ssl_verify_depth'] = '1'

##! Changing this requires a restart of the service.
# nginx['ssl_certificate'] = '/etc/gitlab/ssl/gitlab.example.com.crt'

##! Only used when the service is enabled.
# nginx['ssl_certificate_key'] = '/etc/gitlab/ssl/gitlab.example.com.key'

### Ssl ciphers
##! Value in seconds.
# nginx['ssl_ciphers'] = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256'

##! See the service documentation for details.
# nginx['ssl_prefer_server_ciphers'] = 'off'

##! Value in seconds.
# nginx['ssl_protocols'] = 'TLSv1.2 TLSv1.3'

##! Leave unset to use the default.
nginx['ssl_session_cache'] = 'shared:SSL:10m'

##! Docs: https://docs.gitlab.com/omnibus/settings/
nginx['ssl_session_tickets'] = 'off'

##! Changing this requires a restart of the service.
# nginx['ssl_session_timeout'] = '1d'

##! Set to false to disable.
# nginx['ssl_dhparam'] = nil

##! Only used when the service is enabled.
# nginx['ssl_password_file'] = nil

##! Only used when the service is enabled.
# nginx['listen_addresses'] = ['*','[::]']

### Gzip enabled
##! Only used when the service is enabled.
# nginx['gzip_enabled'] = true

##! Value in seconds.
# nginx['listen_port'] = nil

##! Leave unset to use the default.
# nginx['listen_https'] = nil

##! Value in seconds.
# nginx['custom_gitlab_server_config'] = "location ^~ /foo-namespace/bar-project/raw/ {\n deny all;\n}\n"

##! See the service documentation for details.
# nginx['custom_nginx_config'] = "include /etc/gitlab/nginx/sites-enabled/*.conf;"

##! Changing this requires a restart of the service.
# nginx['proxy_read_timeout'] = 3600

##! Changing this requires a restart of the service.
# nginx['proxy_connect_timeout'] = 300

##! See the service documentation for details.
# nginx['proxy_set_headers'] = {}

##! Only used when the service is enabled.
# nginx['proxy_cache_path'] = 'proxy_cache keys_zone=gitlab:10m max_size=1g levels=1:2'

### Proxy cache
##! See the service documentation for details.
# nginx['proxy_cache'] = 'gitlab'

##! Value in seconds.
# nginx['proxy_custom_buffer_size'] = '4k'

##! Only used when the service is enabled.
# nginx['http2_enabled'] = true

##! Changing this requires a restart of the service.
# nginx['real_ip_trusted_addresses'] = []

##! Value in seconds.
# nginx['real_ip_header'] = nil

##! Only used when the service is enabled.
# nginx['real_ip_recursive'] = nil

##! Changing this requires a restart of the service.
# nginx['custom_error_pages'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Set to false to disable.
# nginx['dir'] = '/var/opt/gitlab/nginx'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# nginx['log_directory'] = '/var/log/gitlab/nginx'

### Error log level
##! Leave unset to use the default.
# nginx['error_log_level'] = 'error'

##! Set to false to disable.
# nginx['worker_processes'] = 4

##! Only used when the service is enabled.
# nginx['worker_connections'] = 10240

##! Value in seconds.
# nginx['log_format'] = '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent'

##! See the service documentation for details.
# nginx['sendfile'] = 'on'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# nginx['tcp_nopush'] = 'on'

##! See the service documentation for details.
# nginx['tcp_nodelay'] = 'on'

##! Set to false to disable.
# nginx['hide_server_tokens'] = 'off'

##! Leave unset to use the default.
# nginx['gzip_http_version'] = '1.0'

### Gzip comp level
##! Docs: https://docs.gitlab.com/omnibus/settings/
# nginx['gzip_comp_level'] = '2'

##! Value in seconds.
# nginx['gzip_proxied'] = 'any'

##! Changing this requires a restart of the service.
# nginx['gzip_types'] = ['text/plain','text/css','application/x-javascript']

##! Value in seconds.
# nginx['keepalive_timeout'] = 65

##! Leave unset to use the default.
# nginx['keepalive_time'] = '1h'

##! Only used when the service is enabled.
# nginx['cache_max_size'] = '5000m'

##! Only used when the service is enabled.
# nginx['server_names_hash_bucket_size'] = 64

##! See the service documentation for details.
# nginx['status'] = {}


################################################################################
## Prometheus
##! Docs: https://docs.gitlab.com/omnibus/settings/prometheus.html
################################################################################

### Enable
##! Leave unset to use the default.
# prometheus['enable'] = true

##! Only used when the service is enabled.
# prometheus['monitor_kubernetes'] = true

##! Value in seconds.
# prometheus['username'] = 'gitlab-prometheus'

##! Value in seconds.
# prometheus['group'] = 'gitlab-prometheus'

##! Only used when the service is enabled.
# prometheus['uid'] = nil

##! Leave unset to use the default.
# prometheus['gid'] = nil

##! Set to false to disable.
prometheus['shell'] = '/bin/sh'

##! Changing this requires a restart of the service.
# prometheus['home'] = '/var/opt/gitlab/prometheus'

##! Leave unset to use the default.
# prometheus['log_directory'] = '/var/log/gitlab/prometheus'

### Rules files
##! See the service documentation for details.
# prometheus['rules_files'] = ['/var/opt/gitlab/prometheus/rules/*.rules']

##! Docs: https://docs.gitlab.com/omnibus/settings/
# prometheus['scrape_interval'] = 15

##! Leave unset to use the default.
# prometheus['scrape_timeout'] = 15

##! Value in seconds.
# prometheus['external_labels'] = {}

##! Docs: https://docs.gitlab.com/omnibus/settings/
# prometheus['env_directory'] = '/opt/gitlab/etc/prometheus/env'

##! Set to false to disable.
# prometheus['flags'] = {}

##! Leave unset to use the default.
# prometheus['listen_address'] = 'localhost:9090'

##! Changing this requires a restart of the service.
# prometheus['remote_read'] = []

##! Docs: https://docs.gitlab.com/omnibus/settings/
prometheus['remote_write'] = []

### Scrape configs
##! Leave unset to use the default.
# prometheus['scrape_configs'] = [
#   'first',
#   'second'
# ]

##! See the service documentation for details.
# prometheus['alertmanagers'] = nil


################################################################################
## Prometheus Alertmanager
##! Docs: https://docs.gitlab.com/omnibus/settings/alertmanager.html
################################################################################

### Enable
##! Changing this requires a restart of the service.
# alertmanager['enable'] = true

##! Set to false to disable.
# alertmanager['home'] = '/var/opt/gitlab/alertmanager'

##! See the service documentation for details.
# alertmanager['log_directory'] = '/var/log/gitlab/alertmanager'

##! Changing this requires a restart of the service.
# alertmanager['admin_email'] = 'admin@example.com'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# alertmanager['flags'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! See the service documentation for details.
# alertmanager['listen_address'] = 'localhost:9093'

##! Set to false to disable.
# alertmanager['env_directory'] = '/opt/gitlab/etc/alertmanager/env'

##! Set to false to disable.
alertmanager['global'] = {}

##! See the service documentation for details.
# alertmanager['receivers'] = [
#   'first',
#   'second'
# ]

### Routes
##! Value in seconds.
# alertmanager['routes'] = [
#   'first',
#   'second'
# ]

##! Only used when the service is enabled.
# alertmanager['inhibit_rules'] = []

##! Value in seconds.
# alertmanager['templates'] = []

##! Docs: https://docs.gitlab.com/omnibus/settings/
# alertmanager['default_receiver'] = nil


################################################################################
## Prometheus Node Exporter
##! Docs: https://docs.gitlab.com/omnibus/settings/node-exporter.html
################################################################################

### Enable
##! Changing this requires a restart of the service.
# node_exporter['enable'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
node_exporter['home'] = '/var/opt/gitlab/node-exporter'

##! Value in seconds.
# node_exporter['log_directory'] = '/var/log/gitlab/node-exporter'

##! Changing this requires a restart of the service.
# node_exporter['flags'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Only used when the service is enabled.
# node_exporter['listen_address'] = 'localhost:9100'

##! Value in seconds.
# node_exporter['env_directory'] = '/opt/gitlab/etc/node-exporter/env'


################################################################################
## Prometheus Redis exporter
##! Docs: https://docs.gitlab.com/omnibus/settings/redis-exporter.html
################################################################################

### Enable
##! Set to false to disable.
# redis_exporter['enable'] = true

##! Changing this requires a restart of the service.
# redis_exporter['log_directory'] = '/var/log/gitlab/redis-exporter'

##! Value in seconds.
# redis_exporter['flags'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Value in seconds.
# redis_exporter['listen_address'] = 'localhost:9121'

##! Leave unset to use the default.
# redis_exporter['env_directory'] = '/opt/gitlab/etc/redis-exporter/env'


################################################################################
## Prometheus Postgres exporter
##! Docs: https://docs.gitlab.com/omnibus/settings/postgres-exporter.html
################################################################################

### Enable
##! Leave unset to use the default.
# postgres_exporter['enable'] = true

##! Set to false to disable.
# postgres_exporter['home'] = '/var/opt/gitlab/postgres-exporter'

##! Set to false to disable.
# postgres_exporter['log_directory'] = '/var/log/gitlab/postgres-exporter'

##! Leave unset to use the default.
# postgres_exporter['flags'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Value in seconds.
# postgres_exporter['listen_address'] = 'localhost:9187'

##! Leave unset to use the default.
# postgres_exporter['env_directory'] = '/opt/gitlab/etc/postgres-exporter/env'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# postgres_exporter['sslmode'] = nil

##! Value in seconds.
# postgres_exporter['per_table_stats'] = false


################################################################################
## Prometheus Gitlab exporter
##! Docs: https://docs.gitlab.com/omnibus/settings/gitlab-exporter.html
################################################################################

### Enable
##! Set to false to disable.
# gitlab_exporter['enable'] = true

##! Changing this requires a restart of the service.
gitlab_exporter['log_directory'] = '/var/log/gitlab/gitlab-exporter'

##! See the service documentation for details.
# gitlab_exporter['home'] = '/var/opt/gitlab/gitlab-exporter'

##! Value in seconds.
gitlab_exporter['server_name'] = 'webrick'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_exporter['listen_address'] = 'localhost'

##! Set to false to disable.
# gitlab_exporter['listen_port'] = '9168'

##! Changing this requires a restart of the service.
# gitlab_exporter['tls_enabled'] = false

##! Value in seconds.
# gitlab_exporter['tls_cert_path'] = nil

##! Changing this requires a restart of the service.
# gitlab_exporter['tls_key_path'] = nil

### Probe sidekiq
##! Changing this requires a restart of the service.
# gitlab_exporter['probe_sidekiq'] = true

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_exporter['probe_elasticsearch'] = false

##! Only used when the service is enabled.
# gitlab_exporter['elasticsearch_url'] = nil

##! Changing this requires a restart of the service.
# gitlab_exporter['elasticsearch_authorization'] = nil


################################################################################
## Grafana Dashboards
##! Docs: https://docs.gitlab.com/omnibus/settings/grafana.html
################################################################################

### Enable
##! Changing this requires a restart of the service.
# grafana['enable'] = false

##! Only used when the service is enabled.
# grafana['log_directory'] = '/var/log/gitlab/grafana'

##! Value in seconds.
# grafana['home'] = '/var/opt/gitlab/grafana'

##! Only used when the service is enabled.
# grafana['admin_password'] = 'admin'

##! Docs: https://docs.gitlab.com/omnibus/settings/
grafana['allow_user_sign_up'] = false

##! Only used when the service is enabled.
# grafana['basic_auth_enabled'] = false

##! Value in seconds.
# grafana['disable_login_form'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# grafana['gitlab_application_id'] = 'GITLAB_APPLICATION_ID'

##! Leave unset to use the default.
# grafana['gitlab_secret'] = 'GITLAB_SECRET'

### Env directory
##! Only used when the service is enabled.
# grafana['env_directory'] = '/opt/gitlab/etc/grafana/env'

##! Only used when the service is enabled.
# grafana['allowed_groups'] = []

##! Docs: https://docs.gitlab.com/omnibus/settings/
# grafana['gitlab_auth_sign_up'] = true

##! Set to false to disable.
# grafana['metrics_enabled'] = false

##! Value in seconds.
# grafana['metrics_basic_auth_username'] = 'grafana_metrics'

##! Only used when the service is enabled.
# grafana['metrics_basic_auth_password'] = 'please_set_a_unique_password'

##! Value in seconds.
grafana['alerting_enabled'] = false


################################################################################
## Gitaly
##! Docs: https://docs.gitlab.com/omnibus/settings/gitaly.html
################################################################################

### Enable
##! Value in seconds.
# gitaly['enable'] = true

##! Changing this requires a restart of the service.
# gitaly['dir'] = '/var/opt/gitlab/gitaly'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitaly['log_directory'] = '/var/log/gitlab/gitaly'

##! Value in seconds.
# gitaly['env_directory'] = '/opt/gitlab/etc/gitaly/env'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitaly['bin_path'] = '/opt/gitlab/embedded/bin/gitaly'

##! Changing this requires a restart of the service.
# gitaly['open_files_ulimit'] = 15000

##! See the service documentation for details.
# gitaly['use_wrapper'] = true

##! Only used when the service is enabled.
# gitaly['socket_path'] = '/var/opt/gitlab/gitaly/gitaly.socket'

##! See the service documentation for details.
gitaly['runtime_dir'] = '/var/opt/gitlab/gitaly/run'

### Listen addr
##! Changing this requires a restart of the service.
# gitaly['listen_addr'] = 'localhost:8075'

##! Only used when the service is enabled.
# gitaly['tls_listen_addr'] = 'localhost:9075'

##! Only used when the service is enabled.
gitaly['certificate_path'] = '/var/opt/gitlab/gitaly/certificate.pem'

##! Leave unset to use the default.
# gitaly['key_path'] = '/var/opt/gitlab/gitaly/key.pem'

##! Leave unset to use the default.
# gitaly['prometheus_listen_addr'] = 'localhost:9236'

##! Docs: https://docs.gitlab.com/omnibus/settings/
gitaly['logging_level'] = 'warn'

##! Set to false to disable.
# gitaly['logging_format'] = 'json'

##! Changing this requires a restart of the service.
# gitaly['logging_sentry_dsn'] = 'https://<key>:<secret>@sentry.io/<project>'

##! Leave unset to use the default.
# gitaly['logging_ruby_sentry_dsn'] = 'https://<key>:<secret>@sentry.io/<project>'

### Logging sentry environment
##! Only used when the service is enabled.
# gitaly['logging_sentry_environment'] = 'production'

##! Leave unset to use the default.
# gitaly['prometheus_grpc_latency_buckets'] = '[0.001, 0.005, 0.025, 0.1, 0.5, 1.0, 10.0, 30.0, 60.0, 300.0, 1500.0]'

##! Value in seconds.
# gitaly['auth_token'] = '<secret>'

##! Leave unset to use the default.
# gitaly['auth_transitioning'] = false

##! Only used when the service is enabled.
# gitaly['graceful_restart_timeout'] = '1m'

##! Leave unset to use the default.
# gitaly['git_catfile_cache_size'] = 100

##! Set to false to disable.
# gitaly['git_bin_path'] = '/opt/gitlab/embedded/bin/git'

##! Only used when the service is enabled.
# gitaly['use_bundled_git'] = true

##! Leave unset to use the default.
# gitaly['ruby_max_rss'] = 200000000

### Ruby graceful restart timeout
##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitaly['ruby_graceful_restart_timeout'] = '10m'

##! Value in seconds.
# gitaly['ruby_restart_delay'] = '5m'

##! Set to false to disable.
# gitaly['ruby_num_workers'] = 2

##! Changing this requires a restart of the service.
# gitaly['concurrency'] = [
#   'first',
#   'second'
# ]

##! See the service documentation for details.
# gitaly['rate_limiting'] = []

##! Value in seconds.
# gitaly['daily_maintenance_start_hour'] = 4

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitaly['daily_maintenance_start_minute'] = 30

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitaly['daily_maintenance_duration'] = '30m'

##! Value in seconds.
# gitaly['daily_maintenance_storages'] = ['default']

### Daily maintenance disabled
##! Changing this requires a restart of the service.
# gitaly['daily_maintenance_disabled'] = false

##! Set to false to disable.
# gitaly['cgroups_count'] = 10

##! Value in seconds.
# gitaly['cgroups_mountpoint'] = '/sys/fs/cgroup'

##! Changing this requires a restart of the service.
# gitaly['cgroups_hierarchy_root'] = 'gitaly'

##! See the service documentation for details.
# gitaly['pack_objects_cache_enabled'] = false

##! Changing this requires a restart of the service.
# gitaly['pack_objects_cache_dir'] = '/var/opt/gitlab/git-data/repositories/+gitaly/PackObjectsCache'

##! Leave unset to use the default.
# gitaly['pack_objects_cache_max_age'] = '5m'


################################################################################
## GitLab Pages
##! Docs: https://docs.gitlab.com/omnibus/settings/gitlab-pages.html
################################################################################

### Enable
##! Only used when the service is enabled.
# gitlab_pages['enable'] = false

##! Only used when the service is enabled.
# gitlab_pages['access_control'] = false

##! Changing this requires a restart of the service.
# gitlab_pages['artifacts_server'] = true

##! Value in seconds.
# gitlab_pages['artifacts_server_url'] = nil

##! Set to false to disable.
# gitlab_pages['external_http'] = [
#   'first',
#   'second'
# ]

##! Only used when the service is enabled.
# gitlab_pages['external_https'] = []

##! Only used when the service is enabled.
# gitlab_pages['listen_proxy'] = 'localhost:8090'

##! Only used when the service is enabled.
# gitlab_pages['metrics_address'] = ':9235'

##! See the service documentation for details.
# gitlab_pages['redirect_http'] = false

### Use http2
##! Changing this requires a restart of the service.
# gitlab_pages['use_http2'] = true

##! Changing this requires a restart of the service.
# gitlab_pages['dir'] = '/var/opt/gitlab/gitlab-pages'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_pages['log_directory'] = '/var/log/gitlab/gitlab-pages'

##! Value in seconds.
# gitlab_pages['log_verbose'] = false

##! Set to false to disable.
# gitlab_pages['gitlab_id'] = nil

##! Only used when the service is enabled.
gitlab_pages['gitlab_secret'] = nil

##! Only used when the service is enabled.
# gitlab_pages['auth_redirect_uri'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_pages['gitlab_server'] = nil

##! Leave unset to use the default.
# gitlab_pages['internal_gitlab_server'] = nil

### Auth secret
##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_pages['auth_secret'] = nil

##! Leave unset to use the default.
# gitlab_pages['auth_scope'] = 'api'

##! See the service documentation for details.
# gitlab_pages['status_uri'] = '/@status'

##! Leave unset to use the default.
# gitlab_pages['max_connections'] = 0

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_pages['max_uri_length'] = 2048

##! See the service documentation for details.
# gitlab_pages['propagate_correlation_id'] = false

##! Only used when the service is enabled.
# gitlab_pages['log_format'] = 'json'

##! Only used when the service is enabled.
# gitlab_pages['headers'] = [
#   'first',
#   'second'
# ]

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_pages['env_directory'] = '/opt/gitlab/etc/gitlab-pages/env'

### Env
##! Only used when the service is enabled.
# gitlab_pages['env'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Changing this requires a restart of the service.
# gitlab_pages['inplace_chroot'] = false


################################################################################
## GitLab Mattermost
##! Docs: https://docs.gitlab.com/omnibus/settings/mattermost.html
################################################################################

### Enable
##! Set to false to disable.
# mattermost['enable'] = false

##! Leave unset to use the default.
# mattermost['username'] = 'mattermost'

##! Changing this requires a restart of the service.
# mattermost['group'] = 'mattermost'

##! See the service documentation for details.
# mattermost['uid'] = nil

##! Set to false to disable.
mattermost['gid'] = nil

##! Value in seconds.
# mattermost['home'] = '/var/opt/gitlab/mattermost'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# mattermost['database_name'] = 'mattermost_production'

##! Leave unset to use the default.
# mattermost['env'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! See the service documentation for details.
# mattermost['service_address'] = '127.0.0.1'

### Service port
##! See the service documentation for details.
# mattermost['service_port'] = '8065'

##! Set to false to disable.
# mattermost['service_site_url'] = nil

##! Only used when the service is enabled.
# mattermost['service_allowed_untrusted_internal_connections'] = ''

##! Only used when the service is enabled.
# mattermost['service_enable_api_team_deletion'] = true

##! Value in seconds.
# mattermost['team_site_name'] = 'GitLab Mattermost'

##! Only used when the service is enabled.
# mattermost['sql_driver_name'] = 'mysql'

##! Only used when the service is enabled.
# mattermost['sql_data_source'] = 'mmuser:mostest@tcp(dockerhost:3306)/mattermost_test?charset=utf8mb4,utf8'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# mattermost['log_file_directory'] = '/var/log/gitlab/mattermost/'

##! Leave unset to use the default.
# mattermost['gitlab_enable'] = false

### Gitlab id
##! Set to false to disable.
# mattermost['gitlab_id'] = '12345656'

##! Value in seconds.
# mattermost['gitlab_secret'] = '123456789'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# mattermost['gitlab_scope'] = ''

##! Set to false to disable.
# mattermost['gitlab_auth_endpoint'] = 'http://gitlab.example.com/oauth/authorize'

##! Leave unset to use the default.
# mattermost['gitlab_token_endpoint'] = 'http://gitlab.example.com/oauth/token'

##! See the service documentation for details.
# mattermost['gitlab_user_api_endpoint'] = 'http://gitlab.example.com/api/v4/user'

##! Value in seconds.
# mattermost['file_directory'] = '/var/opt/gitlab/mattermost/data'

##! Set to false to disable.
mattermost['plugin_directory'] = '/var/opt/gitlab/mattermost/plugins'

##! See the service documentation for details.
# mattermost['plugin_client_directory'] = '/var/opt/gitlab/mattermost/client-plugins'


################################################################################
## Logging
##! Docs: https://docs.gitlab.com/omnibus/settings/logging.html
################################################################################

### Svlogd size
##! Leave unset to use the default.
# logging['svlogd_size'] = 209715200

##! Docs: https://docs.gitlab.com/omnibus/settings/
# logging['svlogd_num'] = 30

##! Only used when the service is enabled.
# logging['svlogd_timeout'] = 86400

##! Set to false to disable.
# logging['svlogd_filter'] = 'gzip'

##! Only used when the service is enabled.
# logging['svlogd_udp'] = nil

##! Set to false to disable.
# logging['svlogd_prefix'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# logging['udp_log_shipping_host'] = nil

##! Leave unset to use the default.
# logging['udp_log_shipping_hostname'] = nil

##! Leave unset to use the default.
# logging['udp_log_shipping_port'] = 514

### Logrotate frequency
##! Set to false to disable.
# logging['logrotate_frequency'] = 'daily'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# logging['logrotate_maxsize'] = nil

##! Value in seconds.
# logging['logrotate_size'] = nil

##! See the service documentation for details.
# logging['logrotate_rotate'] = 30

##! Value in seconds.
# logging['logrotate_compress'] = 'compress'

##! Changing this requires a restart of the service.
# logging['logrotate_method'] = 'copytruncate'

##! Leave unset to use the default.
# logging['logrotate_postrotate'] = nil

##! Changing this requires a restart of the service.
# logging['logrotate_dateformat'] = nil


################################################################################
## Logrotate
##! Docs: https://docs.gitlab.com/omnibus/settings/logrotate.html
################################################################################

### Enable
##! Set to false to disable.
# logrotate['enable'] = true

##! See the service documentation for details.
# logrotate['log_directory'] = '/var/log/gitlab/logrotate'


################################################################################
## Let's Encrypt integration
##! Docs: https://docs.gitlab.com/omnibus/settings/letsencrypt.html
################################################################################

### Enable
##! Leave unset to use the default.
# letsencrypt['enable'] = nil

##! See the service documentation for details.
# letsencrypt['contact_emails'] = [
#   'first',
#   'second'
# ]

##! Value in seconds.
# letsencrypt['group'] = 'root'

##! Set to false to disable.
# letsencrypt['key_size'] = 2048

##! Docs: https://docs.gitlab.com/omnibus/settings/
# letsencrypt['owner'] = 'root'

##! Changing this requires a restart of the service.
# letsencrypt['wwwroot'] = '/var/opt/gitlab/nginx/www'

##! Set to false to disable.
letsencrypt['auto_renew'] = true

##! See the service documentation for details.
# letsencrypt['auto_renew_hour'] = 0

##! Changing this requires a restart of the service.
letsencrypt['auto_renew_minute'] = nil

### Auto renew day of month
##! Leave unset to use the default.
# letsencrypt['auto_renew_day_of_month'] = "*/4"

##! Value in seconds.
# letsencrypt['auto_renew_log_directory'] = '/var/log/gitlab/lets-encrypt'


################################################################################
## Consul
##! Docs: https://docs.gitlab.com/omnibus/settings/consul.html
################################################################################

### Enable
##! See the service documentation for details.
# consul['enable'] = false

##! Leave unset to use the default.
# consul['dir'] = '/var/opt/gitlab/consul'

##! Value in seconds.
# consul['username'] = 'gitlab-consul'

##! Set to false to disable.
# consul['group'] = 'gitlab-consul'

##! Changing this requires a restart of the service.
# consul['config_file'] = '/var/opt/gitlab/consul/config.json'

##! See the service documentation for details.
# consul['config_dir'] = '/var/opt/gitlab/consul/config.d'

##! Docs: https://docs.gitlab.com/omnibus/settings/
consul['data_dir'] = '/var/opt/gitlab/consul/data'

##! Value in seconds.
# consul['log_directory'] = '/var/log/gitlab/consul'

##! Value in seconds.
# consul['env_directory'] = '/opt/gitlab/etc/consul/env'

### Node name
##! Leave unset to use the default.
# consul['node_name'] = nil

##! Leave unset to use the default.
# consul['script_directory'] = '/var/opt/gitlab/consul/scripts'

##! Value in seconds.
# consul['configuration'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Docs: https://docs.gitlab.com/omnibus/settings/
# consul['monitoring_service_discovery'] = false

##! Value in seconds.
# consul['services'] = [
#   'first',
#   'second'
# ]

##! Leave unset to use the default.
# consul['encryption'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! See the service documentation for details.
# consul['use_tls'] = false


################################################################################
## PgBouncer
##! Docs: https://docs.gitlab.com/omnibus/settings/pgbouncer.html
################################################################################

### Enable
##! Docs: https://docs.gitlab.com/omnibus/settings/
# pgbouncer['enable'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# pgbouncer['log_directory'] = '/var/log/gitlab/pgbouncer'

##! Only used when the service is enabled.
# pgbouncer['data_directory'] = '/var/opt/gitlab/pgbouncer'

##! See the service documentation for details.
# pgbouncer['env_directory'] = '/opt/gitlab/etc/pgbouncer/env'

##! Leave unset to use the default.
# pgbouncer['listen_addr'] = '0.0.0.0'

##! Value in seconds.
# pgbouncer['listen_port'] = '6432'

##! Leave unset to use the default.
# pgbouncer['pool_mode'] = 'transaction'

##! Leave unset to use the default.
# pgbouncer['server_reset_query'] = 'DISCARD ALL'

##! See the service documentation for details.
# pgbouncer['application_name_add_host'] = '1'

### Max client conn
##! Leave unset to use the default.
# pgbouncer['max_client_conn'] = '2048'

##! Set to false to disable.
# pgbouncer['default_pool_size'] = '100'

##! Value in seconds.
# pgbouncer['min_pool_size'] = '0'

##! Leave unset to use the default.
# pgbouncer['reserve_pool_size'] = '5'

##! Set to false to disable.
# pgbouncer['reserve_pool_timeout'] = '5.0'

##! Changing this requires a restart of the service.
# pgbouncer['server_round_robin'] = '0'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# pgbouncer['log_connections'] = '0'

##! See the service documentation for details.
# pgbouncer['server_idle_timeout'] = '30'

##! Set to false to disable.
# pgbouncer['dns_max_ttl'] = '15.0'

### Dns zone check period
##! See the service documentation for details.
# pgbouncer['dns_zone_check_period'] = '0'

##! Leave unset to use the default.
# pgbouncer['dns_nxdomain_ttl'] = '15.0'

##! Only used when the service is enabled.
# pgbouncer['admin_users'] = ['gitlab-psql','postgres','pgbouncer']

##! Value in seconds.
# pgbouncer['stats_users'] = ['gitlab-psql','postgres','pgbouncer']

##! Only used when the service is enabled.
# pgbouncer['ignore_startup_parameters'] = 'extra_float_digits'

##! Set to false to disable.
# pgbouncer['databases'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Docs: https://docs.gitlab.com/omnibus/settings/
# pgbouncer['logfile'] = nil

##! Value in seconds.
# pgbouncer['unix_socket_dir'] = nil

##! Only used when the service is enabled.
# pgbouncer['unix_socket_mode'] = '0777'

### Unix socket group
##! Value in seconds.
# pgbouncer['unix_socket_group'] = nil

##! Leave unset to use the default.
# pgbouncer['auth_type'] = 'md5'

##! Leave unset to use the default.
# pgbouncer['auth_hba_file'] = nil

##! Changing this requires a restart of the service.
# pgbouncer['auth_query'] = 'SELECT username, password FROM public.pg_shadow_lookup($1)'

##! Leave unset to use the default.
# pgbouncer['users'] = {
#   'key' => 'value',
#   'other' => 'value'
# }


################################################################################
## Patroni
##! Docs: https://docs.gitlab.com/omnibus/settings/patroni.html
################################################################################

### Enable
##! See the service documentation for details.
# patroni['enable'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# patroni['dir'] = '/var/opt/gitlab/patroni'

##! See the service documentation for details.
# patroni['log_directory'] = '/var/log/gitlab/patroni'

##! Value in seconds.
# patroni['consul'] = {}

##! Value in seconds.
# patroni['scope'] = 'postgresql-ha'

##! See the service documentation for details.
# patroni['name'] = nil

##! Only used when the service is enabled.
# patroni['loop_wait'] = 10

##! Value in seconds.
# patroni['ttl'] = 30

##! See the service documentation for details.
# patroni['retry_timeout'] = 10

### Maximum lag on failover
##! Docs: https://docs.gitlab.com/omnibus/settings/
# patroni['maximum_lag_on_failover'] = 1048576

##! See the service documentation for details.
# patroni['max_timelines_history'] = 0

##! Changing this requires a restart of the service.
# patroni['master_start_timeout'] = 300

##! Leave unset to use the default.
# patroni['use_pg_rewind'] = false

##! Changing this requires a restart of the service.
# patroni['use_slots'] = true

##! Changing this requires a restart of the service.
patroni['replication_password'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# patroni['replication_slots'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Only used when the service is enabled.
# patroni['listen_address'] = nil

##! Value in seconds.
# patroni['port'] = 8008

### Connect address
##! Only used when the service is enabled.
# patroni['connect_address'] = nil

##! Set to false to disable.
# patroni['connect_port'] = 8008

##! See the service documentation for details.
# patroni['tls_certificate_file'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
patroni['tls_key_file'] = nil


################################################################################
## GitLab Kubernetes Agent Server
##! Docs: https://docs.gitlab.com/omnibus/settings/gitlab-kas.html
################################################################################

### Enable
##! See the service documentation for details.
# gitlab_kas['enable'] = false

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_kas['api_secret_key'] = nil

##! See the service documentation for details.
# gitlab_kas['private_api_secret_key'] = nil

##! See the service documentation for details.
# gitlab_kas['listen_address'] = 'localhost:8150'

##! Set to false to disable.
# gitlab_kas['listen_network'] = 'tcp'

##! See the service documentation for details.
# gitlab_kas['listen_websocket'] = true

##! Set to false to disable.
# gitlab_kas['certificate_file'] = nil

##! Leave unset to use the default.
# gitlab_kas['key_file'] = nil

##! Set to false to disable.
# gitlab_kas['observability_listen_address'] = 'localhost:8151'

### Internal api listen address
##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_kas['internal_api_listen_address'] = 'localhost:8153'

##! Leave unset to use the default.
# gitlab_kas['log_level'] = 'info'

##! Only used when the service is enabled.
# gitlab_kas['env'] = {
#   'key' => 'value',
#   'other' => 'value'
# }

##! Only used when the service is enabled.
# gitlab_kas['dir'] = '/var/opt/gitlab/gitlab-kas'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# gitlab_kas['log_directory'] = '/var/log/gitlab/gitlab-kas'


################################################################################
## Storage check
##! Docs: https://docs.gitlab.com/omnibus/settings/storage-check.html
################################################################################

### Enable
##! See the service documentation for details.
# storage_check['enable'] = false

##! See the service documentation for details.
# storage_check['target'] = 'unix:///var/opt/gitlab/gitlab-rails/sockets/gitlab.socket'

##! Value in seconds.
# storage_check['log_directory'] = '/var/log/gitlab/storage-check'


################################################################################
## Crond
##! Docs: https://docs.gitlab.com/omnibus/settings/crond.html
################################################################################

### Enable
##! See the service documentation for details.
# crond['enable'] = true

##! Set to false to disable.
# crond['log_directory'] = '/var/log/gitlab/crond'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# crond['flags'] = {
#   'key' => 'value',
#   'other' => 'value'
# }


################################################################################
## High availability
##! Docs: https://docs.gitlab.com/omnibus/settings/high-availability.html
################################################################################

### Mountpoint
##! See the service documentation for details.
high_availability['mountpoint'] = ['/var/opt/gitlab/git-data','/var/opt/gitlab/gitlab-rails/shared']


################################################################################
## GitLab user privileges
##! Docs: https://docs.gitlab.com/omnibus/settings/user.html
################################################################################

### Username
##! Set to false to disable.
# user['username'] = 'git'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# user['group'] = 'git'

##! Docs: https://docs.gitlab.com/omnibus/settings/
user['uid'] = nil

##! See the service documentation for details.
# user['gid'] = nil

##! Set to false to disable.
# user['shell'] = '/bin/sh'

##! Set to false to disable.
# user['home'] = '/var/opt/gitlab'

##! Changing this requires a restart of the service.
# user['git_user_name'] = 'GitLab'

##! Changing this requires a restart of the service.
# user['git_user_email'] = 'gitlab@example.com'


################################################################################
## Package settings
##! Docs: https://docs.gitlab.com/omnibus/settings/package.html
################################################################################

### Modify kernel parameters
##! See the service documentation for details.
# package['modify_kernel_parameters'] = true

##! Only used when the service is enabled.
# package['systemd_tasks_max'] = 4915

##! Changing this requires a restart of the service.
package['systemd_wanted_by'] = 'multi-user.target'

##! Changing this requires a restart of the service.
# package['systemd_after'] = 'multi-user.target'

##! Changing this requires a restart of the service.
# package['detect_init'] = true


################################################################################
## GitLab Geo secondary
##! Docs: https://docs.gitlab.com/omnibus/settings/geo-secondary.html
################################################################################

### Enable
##! Value in seconds.
# geo_secondary['enable'] = false

##! Changing this requires a restart of the service.
# geo_secondary['db_adapter'] = 'postgresql'

##! Docs: https://docs.gitlab.com/omnibus/settings/
# geo_secondary['db_encoding'] = 'unicode'

##! Value in seconds.
# geo_secondary['db_collation'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# geo_secondary['db_database'] = 'gitlabhq_geo_production'

##! Changing this requires a restart of the service.
geo_secondary['db_pool'] = 10

##! Only used when the service is enabled.
# geo_secondary['db_username'] = 'gitlab_geo'

##! Changing this requires a restart of the service.
# geo_secondary['db_password'] = nil

##! Only used when the service is enabled.
# geo_secondary['db_host'] = '/var/opt/gitlab/geo-postgresql'

### Db port
##! Only used when the service is enabled.
# geo_secondary['db_port'] = 5431


################################################################################
## GitLab Geo PostgreSQL
##! Docs: https://docs.gitlab.com/omnibus/settings/geo-postgresql.html
################################################################################

### Enable
##! Changing this requires a restart of the service.
# geo_postgresql['enable'] = false

##! Leave unset to use the default.
# geo_postgresql['ha'] = false

##! Only used when the service is enabled.
# geo_postgresql['dir'] = '/var/opt/gitlab/geo-postgresql'

##! Set to false to disable.
# geo_postgresql['pgbouncer_user'] = nil

##! See the service documentation for details.
geo_postgresql['pgbouncer_user_password'] = nil


################################################################################
## Spamcheck
##! Docs: https://docs.gitlab.com/omnibus/settings/spamcheck.html
################################################################################

### Enable
##! Only used when the service is enabled.
# spamcheck['enable'] = false

##! Leave unset to use the default.
# spamcheck['dir'] = '/var/opt/gitlab/spamcheck'

##! Set to false to disable.
# spamcheck['port'] = 8001

##! Only used when the service is enabled.
# spamcheck['log_level'] = 'info'

##! Value in seconds.
# spamcheck['monitoring_address'] = ':8003'

##! Set to false to disable.
# spamcheck['log_directory'] = '/var/log/gitlab/spamcheck'


################################################################################
## Redis Sentinel
##! Docs: https://docs.gitlab.com/omnibus/settings/sentinel.html
################################################################################

### Bind
##! Leave unset to use the default.
# sentinel['bind'] = '0.0.0.0'

##! Changing this requires a restart of the service.
# sentinel['port'] = 26379

##! Leave unset to use the default.
# sentinel['announce_ip'] = '<sentinel_node_ip>'

##! Value in seconds.
# sentinel['announce_port'] = 26379

##! See the service documentation for details.
# sentinel['quorum'] = 1

##! Leave unset to use the default.
sentinel['down_after_milliseconds'] = 10000

##! Changing this requires a restart of the service.
# sentinel['failover_timeout'] = 60000

##! Only used when the service is enabled.
# sentinel['myid'] = nil

##! Value in seconds.
# sentinel['tls_port'] = nil

### Tls cert file
##! Docs: https://docs.gitlab.com/omnibus/settings/
# sentinel['tls_cert_file'] = nil

##! Set to false to disable.
# sentinel['tls_key_file'] = nil

##! Docs: https://docs.gitlab.com/omnibus/settings/
# sentinel['use_hostnames'] = nil


################################################################################
## Praefect
##! Docs: https://docs.gitlab.com/ee/administration/gitaly/praefect.html
################################################################################

praefect['enable'] = true
praefect['listen_addr'] = '0.0.0.0:2305'
praefect['prometheus_listen_addr'] = '0.0.0.0:9652'
praefect['auth_token'] = ENV.fetch('PRAEFECT_AUTH_TOKEN', 'praefect-external-token')
# praefect['tls_listen_addr'] = '0.0.0.0:3305'
# praefect['certificate_path'] = '/etc/gitlab/ssl/praefect.crt'
# praefect['key_path'] = '/etc/gitlab/ssl/praefect.key'
praefect['logging_level'] = 'info'
praefect['database_host'] = 'postgres.internal'
praefect['database_port'] = 5432
praefect['database_user'] = 'praefect'
praefect['database_password'] = 'praefect-sql-password'
praefect['database_dbname'] = 'praefect_production'
praefect['virtual_storages'] = {
  'default' => {
    'gitaly-1' => {
      'address' => 'tcp://gitaly-1.internal:8075',
      'token'   => 'gitaly-1-token',
      'primary' => true
    },
    'gitaly-2' => {
      'address' => 'tcp://gitaly-2.internal:8075',
      'token'   => 'gitaly-2-token',
    },
    'gitaly-3' => {
      'address' => 'tcp://gitaly-3.internal:8075',
      'token'   => 'gitaly-3-token',
    },
  }
}

git_data_dirs({
  'default' => { 'gitaly_address' => 'tcp://praefect.internal:2305' },
})
