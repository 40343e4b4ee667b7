using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>An enabled Praefect must listen somewhere: TCP, TLS or a unix socket.</summary>
internal sealed class NoListenerValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        var s = context.Settings;
        if (s.Enable && s.ListenAddr.Length == 0 && s.TlsListenAddr.Length == 0 && s.SocketPath.Length == 0)
        {
            context.Error(
                SettingsSourceMap.Key("listen_addr"),
                DiagnosticCodes.NoListener,
                "praefect has no listener; set praefect['listen_addr'] = 'localhost:2305' or praefect['socket_path']",
                "listen_addr, tls_listen_addr and socket_path are all empty");
        }
    }
}
