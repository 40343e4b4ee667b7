namespace Praefect.Ctl.Commands.CheckTemplates;

/// <summary>
/// gitlab.rb samples that check-templates renders: every node-list form, both service managers,
/// both log formats, env variables, and values full of characters that need escaping.
/// </summary>
internal static class TemplateSamples
{
    public static IReadOnlyList<(string Name, string GitlabRb)> All { get; } =
    [
        ("storage_nodes array (2019), runit", """
            praefect['enable'] = true
            praefect['virtual_storage_name'] = 'praefect'
            praefect['auth_token'] = 'super_secret_abc'
            praefect['storage_nodes'] = [
              { 'storage' => 'praefect-git-1', 'address' => 'tcp://praefect-git-1.internal:8075', 'token' => 'token1', 'primary' => true },
              { 'storage' => 'praefect-git-2', 'address' => 'tcp://praefect-git-2.internal:8075', 'token' => 'token2' },
            ]
            """),
        ("storage_nodes hash, systemd, text logs, env", """
            praefect['enable'] = true
            praefect['service_manager'] = 'systemd'
            praefect['logging_format'] = 'text'
            praefect['socket_path'] = '/run/praefect/praefect.socket'
            praefect['env'] = { 'SSL_CERT_DIR' => '/opt/praefect/ssl/certs/', 'GODEBUG' => 'a=1,b=$HOME%d' }
            praefect['virtual_storage_name'] = 'praefect'
            praefect['auth_token'] = 'abc'
            praefect['storage_nodes'] = {
              'gitaly-1' => { 'address' => 'tcp://10.0.0.1:8075', 'token' => 't1', 'primary' => true },
              'gitaly-2' => { 'address' => 'tcp://10.0.0.2:8075', 'token' => 't2' },
            }
            """),
        ("virtual_storages, awkward values", """
            praefect['enable'] = true
            praefect['dir'] = "/var/opt/gitlab/prae fect's \"dir\""
            praefect['auth_token'] = "q\"uote: #hash \\back 'single' é ünï ✓"
            praefect['virtual_storages'] = {
              'default' => {
                'gitaly-1' => { 'address' => 'tcp://gitaly-1:8075', 'token' => "t: #1\n", 'primary' => true },
              },
              'other' => {
                'gitaly-2' => { 'address' => 'unix:/var/opt/gitlab/gitaly.socket', 'token' => "x'y\"z", 'primary' => true },
              },
            }
            """),
    ];
}
