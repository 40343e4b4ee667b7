using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;

namespace Praefect.Ctl.Commands.Service;

/// <summary>
/// The settings service control needs (service manager, paths). A missing or broken gitlab.rb
/// must not stop an admin from stopping the service, so it falls back to the defaults with a warning.
/// </summary>
internal static class ServiceSettings
{
    public static PraefectSettings Read(string configPath, CtlOutput output)
    {
        var result = GitlabRbReader.ReadFile(configPath);
        if (result.Settings is not null && !result.HasErrors)
        {
            return result.Settings;
        }

        var first = result.Diagnostics.FirstOrDefault(d => d.Severity == Configuration.Diagnostics.Severity.Error);
        output.Error.WriteLine($"warning: {first?.ToString().Split('\n')[0] ?? configPath + ": cannot be read"}");
        output.Error.WriteLine("warning: using the settings of gitlab.rb that could be read, else the defaults (runit, /opt/gitlab/sv/praefect)");
        return result.Settings ?? new PraefectSettings();
    }
}
