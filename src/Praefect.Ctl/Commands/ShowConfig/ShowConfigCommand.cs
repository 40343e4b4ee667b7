using System.CommandLine;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Configuration.Settings;
using Praefect.Ctl.Commands.Common;

namespace Praefect.Ctl.Commands.ShowConfig;

/// <summary>
/// <c>praefect-ctl show-config</c>: the effective Praefect settings as JSON (defaults applied, old
/// node-list forms normalised), every secret shown as [REDACTED]. Diagnostics go to stderr.
/// </summary>
internal static class ShowConfigCommand
{
    public const string Name = "show-config";

    private const string Description = """
        Print the effective Praefect settings read from gitlab.rb as JSON: defaults applied, every
        node-list form normalised into virtual_storages, every secret shown as [REDACTED].
        Exit code: 0 shown, 1 gitlab.rb has errors (they are printed instead), 2 usage error or unreadable file.

        Examples:

            praefect-ctl show-config
            praefect-ctl show-config --config ./gitlab.rb | jq '.virtual_storages'
        """;

    public static Command Create(CtlOutput output)
    {
        var config = GitlabRbOptions.Config();
        var command = new Command(Name, Description) { config };
        command.SetAction(parse => Execute(parse.GetValue(config)!, output));
        return command;
    }

    public static int Execute(string path, CtlOutput output)
    {
        var result = GitlabRbReader.ReadFile(path);
        output.Error.Write(DiagnosticFormatter.ToText(result.Diagnostics));
        if (result.FileUnreadable)
        {
            return ExitCodes.Usage;
        }

        if (result.HasErrors || result.Settings is null)
        {
            output.Error.WriteLine($"{path}: invalid ({DiagnosticFormatter.Summary(result.Diagnostics)}); run 'praefect-ctl check' after fixing it");
            return ExitCodes.Failed;
        }

        output.Out.Write(SettingsJson.Write(result.Settings));
        return ExitCodes.Ok;
    }
}
