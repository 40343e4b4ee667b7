using System.CommandLine;
using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;
using Praefect.Configuration.Settings;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>
/// <c>praefect-ctl reconfigure</c>: parse and validate gitlab.rb (stop on errors, change nothing),
/// render everything in memory, compare with the files under --root, write only what changed
/// (atomically), print the changes with a redacted diff, then start, reload or restart the
/// service only as the changes need.
/// </summary>
internal static class ReconfigureCommand
{
    public const string Name = "reconfigure";

    public static Command Create(CtlOutput output)
    {
        var config = Common.GitlabRbOptions.Config();
        var root = RenderOptions.Root();
        var templates = RenderOptions.Templates();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change and the service action; write nothing, touch no service." };
        var noRestart = new Option<bool>("--no-restart") { Description = "Write the files but do not start, reload or restart the service." };
        var sandbox = new Option<bool>("--sandbox") { Description = "Render a self-contained tree under --root: the paths inside the rendered files point under --root too and the service runs as the current user, so the tree runs where it is (demos, tests). Touches no service." };
        var command = new Command(Name, """
            Render the runtime config and service files from gitlab.rb, write what changed, and restart or reload praefect as needed.

            Examples:
              praefect-ctl reconfigure
              praefect-ctl reconfigure --dry-run
              praefect-ctl reconfigure --config ./gitlab.rb --root /tmp/sandbox --no-restart
            """)
        {
            config, root, templates, dryRun, noRestart, sandbox,
        };
        command.SetAction(parse => Execute(
            new ReconfigureRequest(parse.GetValue(config)!, parse.GetValue(root)!, parse.GetValue(templates), parse.GetValue(dryRun), parse.GetValue(noRestart))
            {
                Sandbox = parse.GetValue(sandbox),
            },
            output));
        return command;
    }

    public static int Execute(ReconfigureRequest request, CtlOutput output)
    {
        var root = Path.GetFullPath(request.Root);
        var settings = SettingsSource.Read(request.ConfigPath, Name, output, out var exitCode);
        if (settings is null)
        {
            return exitCode;
        }

        var systemRoot = RootedPath.IsSystemRoot(root);
        var manager = ServiceManagerFactory.For(settings, root);
        var skipReason = request.DryRun ? "--dry-run" : !systemRoot ? "--root is not /" : request.NoRestart ? "--no-restart" : null;
        var servicePrefix = "";
        if (request.Sandbox)
        {
            if (systemRoot)
            {
                output.Error.WriteLine("praefect-ctl reconfigure: error: --sandbox needs a --root other than '/'; for example --root ./sandbox");
                return ExitCodes.Usage;
            }

            // The rendered paths already hold the root, so the tree is written relative to '/'.
            settings = SandboxSettings.Relocate(settings, root);
            servicePrefix = root;
            root = "/";
        }
        output.Out.WriteLine($"praefect-ctl reconfigure: {request.ConfigPath} -> {Path.GetFullPath(request.Root)}{(request.Sandbox ? " (sandbox)" : "")}{(request.DryRun ? " (dry run: nothing is written)" : "")}");
        if (!settings.Enable)
        {
            return Disabled(manager, skipReason, output);
        }

        var plan = ConfigurationPlanner.Plan(settings, root, request.TemplatesDir, Name, output, servicePrefix);
        if (plan is null)
        {
            return ExitCodes.Failed;
        }

        if (request.DryRun)
        {
            PlanPrinter.PrintChanges(plan, output.Out, includeUnchanged: true);
            PlanPrinter.PrintSummary(plan, output.Out);
        }

        if (!Failover.ReconfigureFailover.Run(settings, RootedPath.Under(root, ServiceLayout.For(settings).ConfigPath), request.DryRun, output, Name))
        {
            return ExitCodes.Failed;
        }

        if (!request.DryRun)
        {
            // The changes are printed once they are on disk: a failed write prints no "created".
            var written = Write(plan, settings, systemRoot && !request.Sandbox, output);
            if (written != ExitCodes.Ok)
            {
                return written;
            }

            PlanPrinter.PrintChanges(plan, output.Out, includeUnchanged: true);
            PlanPrinter.PrintSummary(plan, output.Out);
        }
        else if (systemRoot && UnixAccounts.IsRoot)
        {
            ServiceUser.Ensure(settings, dryRun: true, output);
        }

        return ServiceActionRunner.Run(plan.Decision, manager, skipReason, output);
    }

    private static int Write(ConfigurationPlan plan, PraefectSettings settings, bool systemRoot, CtlOutput output)
    {
        var isRoot = UnixAccounts.IsRoot;
        if (systemRoot && isRoot && !ServiceUser.Ensure(settings, dryRun: false, output))
        {
            return ExitCodes.Failed;
        }

        var owners = new OwnerPolicy(apply: isRoot, strict: systemRoot);
        if (TreeWriter.Apply(plan.Changes, plan.Root, owners) is { } error)
        {
            output.Error.WriteLine($"praefect-ctl reconfigure: error: {error}");
            return ExitCodes.Failed;
        }

        if (!isRoot)
        {
            output.Out.WriteLine("owners: recorded, not applied (not running as root)");
        }
        else if (owners.Skipped.Count > 0)
        {
            output.Out.WriteLine($"owners: not applied for {string.Join(", ", owners.Skipped)} (unknown on this machine; --root is not /)");
        }

        return ExitCodes.Ok;
    }

    private static int Disabled(IServiceManager manager, string? skipReason, CtlOutput output)
    {
        output.Out.WriteLine("praefect['enable'] is false: nothing rendered");
        var decision = manager.IsSetUp
            ? new ServiceDecision(ServiceAction.StopAndDisable, "praefect['enable'] is false and the service was set up before")
            : new ServiceDecision(ServiceAction.None, "praefect is not enabled");
        return ServiceActionRunner.Run(decision, manager, skipReason, output);
    }
}
