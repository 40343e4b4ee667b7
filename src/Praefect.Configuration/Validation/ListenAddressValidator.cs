using Praefect.Configuration.Binding;
using Praefect.Configuration.Diagnostics;

namespace Praefect.Configuration.Validation;

/// <summary>listen_addr, tls_listen_addr and prometheus_listen_addr must be <c>host:port</c> when set.</summary>
internal sealed class ListenAddressValidator : ISettingsValidator
{
    public void Validate(ValidationContext context)
    {
        var settings = context.Settings;
        Check(context, "listen_addr", settings.ListenAddr, "localhost:2305");
        Check(context, "tls_listen_addr", settings.TlsListenAddr, "0.0.0.0:3305");
        Check(context, "prometheus_listen_addr", settings.PrometheusListenAddr, "localhost:9652");
    }

    private static void Check(ValidationContext context, string key, string value, string example)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (!AddressSyntax.TryParseHostPort(value, out _, out var port))
        {
            context.Error(
                SettingsSourceMap.Key(key),
                DiagnosticCodes.InvalidListenAddress,
                $"{context.Map.Subject(key)} is {Shown.Quote(value)}, which is not host:port; set praefect['{key}'] = '{example}'",
                "write host:port without a scheme; an IPv6 host goes in brackets: '[::1]:2305'");
        }
        else if (port == 0)
        {
            context.Error(
                SettingsSourceMap.Key(key),
                DiagnosticCodes.InvalidListenAddress,
                $"{context.Map.Subject(key)} is {Shown.Quote(value)}: port 0 would listen on a random port that no client knows; set a port from 1 to 65535, such as '{example}'",
                "clients and Prometheus reach praefect at this fixed port");
        }
    }
}
