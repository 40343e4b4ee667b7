using System.CommandLine;
using Praefect.Configuration.Diagnostics;
using Praefect.Configuration.GitlabRb;
using Praefect.Ctl.Commands.Common;

namespace Praefect.Ctl.Commands.Check;

/// <summary>
/// <c>praefect-ctl check</c>: parse and validate gitlab.rb, print every diagnostic, change nothing.
/// Exit 0 when valid (warnings allowed), 1 with errors, 2 when the file cannot be read.
/// </summary>
internal static class CheckCommand
{
    public const string Name = "check";

    private const string Description = """
        Parse and validate gitlab.rb without changing anything; print every error and warning.
        Exit code: 0 valid (warnings allowed), 1 errors found, 2 usage error or unreadable file.

        Examples:

            praefect-ctl check
            praefect-ctl check --config ./gitlab.rb
            praefect-ctl check --format json > diagnostics.json
        """;

    public static Command Create(CtlOutput output)
    {
        var config = GitlabRbOptions.Config();
        var format = new Option<string>("--format")
        {
            Description = "text (default, diagnostics on stderr) or json (a machine-readable report on stdout, for CI).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(Name, Description) { config, format };
        command.SetAction(parse => Execute(parse.GetValue(config)!, parse.GetValue(format) == "json", output));
        return command;
    }

    public static int Execute(string path, bool json, CtlOutput output)
    {
        var result = GitlabRbReader.ReadFile(path);
        if (json)
        {
            output.Out.Write(DiagnosticFormatter.ToJson(path, result.Diagnostics));
        }
        else
        {
            output.Error.Write(DiagnosticFormatter.ToText(result.Diagnostics));
            var verdict = result.HasErrors ? "invalid" : "OK";
            output.Out.WriteLine($"{path}: {verdict} ({DiagnosticFormatter.Summary(result.Diagnostics)})");
        }

        return result.FileUnreadable ? ExitCodes.Usage : result.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
