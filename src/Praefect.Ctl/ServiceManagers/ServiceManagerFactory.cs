using Praefect.Configuration.Rendering;
using Praefect.Configuration.Settings;

namespace Praefect.Ctl.ServiceManagers;

/// <summary>Picks the service manager that <c>praefect['service_manager']</c> names.</summary>
internal static class ServiceManagerFactory
{
    public static IServiceManager For(PraefectSettings settings, string root)
    {
        var layout = ServiceLayout.For(settings);
        return settings.ServiceManager == "systemd"
            ? new SystemdServiceManager(root, layout)
            : new RunitServiceManager(root, layout, settings.GracefulStopTimeoutSeconds + 10);
    }
}
