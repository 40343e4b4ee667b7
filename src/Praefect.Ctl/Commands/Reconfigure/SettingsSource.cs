using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>Reads and validates gitlab.rb for a command, printing every diagnostic; null when the command must stop.</summary>
internal static class SettingsSource
{
    public static PraefectSettings? Read(string configPath, string command, CtlOutput output, out int exitCode)
    {
        var result = GitlabRbReader.ReadFile(configPath);
        output.Error.Write(DiagnosticFormatter.ToText(result.Diagnostics));

        if (result.FileUnreadable)
        {
            exitCode = ExitCodes.Usage;
            return null;
        }

        if (result.HasErrors || result.Settings is null)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            output.Error.WriteLine($"praefect-ctl {command}: {errors} error(s) in {configPath}; nothing was changed.");
            exitCode = ExitCodes.Failed;
            return null;
        }

        exitCode = ExitCodes.Ok;
        return result.Settings;
    }
}
