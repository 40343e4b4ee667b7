using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>Reads and validates gitlab.rb for a command, printing every diagnostic; null when the command must stop.</summary>
internal static class SettingsSource
{
    public static PraefectSettings? Read(string configPath, string command, CtlOutput output, out int exitCode)
    {
        var result = GitlabRbReader.ReadFile(configPath);
        foreach (var diagnostic in result.Diagnostics)
        {
            output.Error.WriteLine(diagnostic.ToString());
        }

        if (result.FileUnreadable)
        {
            exitCode = ExitCodes.Usage;
            return null;
        }

        if (result.HasErrors || result.Settings is null)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Configuration.Diagnostics.Severity.Error);
            output.Error.WriteLine($"praefect-ctl {command}: {errors} error(s) in {configPath}; nothing was changed.");
            exitCode = ExitCodes.Failed;
            return null;
        }

        exitCode = ExitCodes.Ok;
        return result.Settings;
    }
}
