namespace Praefect.Ctl.Tests.Reconfigure;

/// <summary>The seed document's Praefect node, with values a test can change.</summary>
internal static class SeedGitlabRb
{
    public const string AuthToken = "super_secret_abc";

    public static string Text(string token2 = "token-two-secret", string listen = "localhost:2305", bool enable = true, string extra = "") => $$"""
        praefect['enable'] = {{(enable ? "true" : "false")}}
        praefect['listen_addr'] = '{{listen}}'
        praefect['auth_token'] = '{{AuthToken}}'
        praefect['virtual_storages'] = {
          'praefect' => {
            'praefect-git-1' => { 'address' => 'tcp://praefect-git-1.internal:8075', 'token' => 'token-one-secret', 'primary' => true },
            'praefect-git-2' => { 'address' => 'tcp://praefect-git-2.internal:8075', 'token' => '{{token2}}' },
          },
        }
        {{extra}}
        """;
}
