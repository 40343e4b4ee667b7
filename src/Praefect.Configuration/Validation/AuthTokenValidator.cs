using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>Warns when clients beyond this machine could connect without a token.</summary>
internal sealed class AuthTokenValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        var s = context.Settings;
        if (!context.PraefectConfigured || s.AuthToken.Length > 0)
        {
            return;
        }

        foreach (var (key, address) in new[] { ("listen_addr", s.ListenAddr), ("tls_listen_addr", s.TlsListenAddr) })
        {
            if (AddressSyntax.TryParseHostPort(address, out var host, out _) && !AddressSyntax.IsLoopback(host))
            {
                context.Warning(
                    context.Map.Contains(SettingsSourceMap.Key("auth_token")) ? SettingsSourceMap.Key("auth_token") : SettingsSourceMap.Key(key),
                    DiagnosticCodes.AuthDisabled,
                    $"praefect['auth_token'] is empty while praefect['{key}'] = '{address}' accepts connections from other machines: authentication is off; set praefect['auth_token']",
                    "use a long random secret and give GitLab the same token for this storage");
                return;
            }
        }
    }
}
