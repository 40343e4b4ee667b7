using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>A TLS listener needs a certificate and a key.</summary>
internal sealed class TlsListenerValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        var s = context.Settings;
        if (s.TlsListenAddr.Length == 0)
        {
            return;
        }

        foreach (var (key, value, example) in new[] { ("certificate_path", s.CertificatePath, "/etc/gitlab/ssl/praefect.crt"), ("key_path", s.KeyPath, "/etc/gitlab/ssl/praefect.key") })
        {
            if (value.Length == 0)
            {
                context.Error(
                    SettingsSourceMap.Key("tls_listen_addr"),
                    DiagnosticCodes.TlsIncomplete,
                    $"praefect['tls_listen_addr'] is set but praefect['{key}'] is not; set praefect['{key}'] = '{example}'",
                    "the TLS listener needs both certificate_path and key_path; remove tls_listen_addr to listen without TLS");
            }
        }
    }
}
