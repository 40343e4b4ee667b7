using Praefect.Configuration.Rendering.Apply;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>Prints the decided service action and carries it out, unless a reason says not to touch the service.</summary>
internal static class ServiceActionRunner
{
    /// <param name="skipReason">Why the service is not touched (--dry-run, --no-restart, --root), or null to act.</param>
    public static int Run(ServiceDecision decision, IServiceManager manager, string? skipReason, CtlOutput output)
    {
        output.Out.WriteLine($"action: {decision.ActionText} ({decision.Reason})");
        if (decision.Action == ServiceAction.None)
        {
            return ExitCodes.Ok;
        }

        if (skipReason is not null)
        {
            output.Out.WriteLine($"service: not touched ({skipReason})");
            return ExitCodes.Ok;
        }

        var results = new List<CommandResult>();
        if (decision.DaemonReload)
        {
            results.Add(manager.Refresh());
        }

        if (results.All(r => r.Succeeded))
        {
            results.Add(decision.Action switch
            {
                ServiceAction.Start => manager.EnableAndStart(),
                ServiceAction.Reload => manager.Reload(),
                ServiceAction.Restart => manager.Restart(),
                _ => manager.StopAndDisable(),
            });
        }

        foreach (var line in results.SelectMany(r => r.Lines))
        {
            output.Out.WriteLine(line);
        }

        if (results.All(r => r.Succeeded))
        {
            return ExitCodes.Ok;
        }

        output.Error.WriteLine($"praefect-ctl reconfigure: error: {manager.Name} could not {decision.ActionText} praefect; the files are written. Check 'praefect-ctl status' and 'praefect-ctl tail'.");
        return ExitCodes.Failed;
    }
}
