using System.CommandLine;
using Praefect.Configuration.Rendering.Apply;
using Praefect.Ctl.Commands.Reconfigure;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.DiffConfig;

/// <summary>
/// <c>praefect-ctl diff-config</c>: what reconfigure would change, with secrets redacted, and the
/// service action it would take. Exit 0 when nothing would change, 1 when something would.
/// </summary>
internal static class DiffConfigCommand
{
    public const string Name = "diff-config";

    public static Command Create(CtlOutput output)
    {
        var config = Common.GitlabRbOptions.Config();
        var root = RenderOptions.Root();
        var templates = RenderOptions.Templates();
        var command = new Command(Name, """
            Show what reconfigure would change (secrets redacted); exit 0 when nothing would change, 1 when something would, 2 when gitlab.rb or the templates have errors.

            Examples:
              praefect-ctl diff-config
              praefect-ctl diff-config --config ./gitlab.rb --root /tmp/sandbox
            """)
        {
            config, root, templates,
        };
        command.SetAction(parse => Execute(parse.GetValue(config)!, parse.GetValue(root)!, parse.GetValue(templates), output));
        return command;
    }

    public static int Execute(string configPath, string rootOption, string? templatesDir, CtlOutput output)
    {
        var root = Path.GetFullPath(rootOption);
        var settings = SettingsSource.Read(configPath, Name, output, out var exitCode);
        if (settings is null)
        {
            return exitCode == ExitCodes.Failed ? ExitCodes.Usage : exitCode;
        }

        if (!settings.Enable)
        {
            var setUp = ServiceManagerFactory.For(settings, root).IsSetUp;
            output.Out.WriteLine("praefect['enable'] is false: nothing would be rendered");
            output.Out.WriteLine(setUp ? "action: stop and disable (the service was set up before)" : "action: none (praefect is not enabled)");
            return setUp ? ExitCodes.Failed : ExitCodes.Ok;
        }

        var plan = ConfigurationPlanner.Plan(settings, root, templatesDir, Name, output);
        if (plan is null)
        {
            return ExitCodes.Usage;
        }

        PlanPrinter.PrintChanges(plan, output.Out, includeUnchanged: false);
        PlanPrinter.PrintSummary(plan, output.Out);
        output.Out.WriteLine($"action: {plan.Decision.ActionText} ({plan.Decision.Reason})");
        return plan.HasChanges ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
