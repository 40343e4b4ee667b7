using System.CommandLine;
using Praefect.Ctl.Commands.Reconfigure;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.Service;

/// <summary>
/// <c>praefect-ctl start|stop|restart|status|tail [praefect]</c> through the configured service
/// manager (sv for runit, systemctl/journalctl for systemd). Under --root, runit's service dir is
/// the one under the root.
/// </summary>
internal static class ServiceCommands
{
    public static IEnumerable<Command> Create(CtlOutput output)
    {
        yield return Create("start", "Start praefect.", m => m.Start(), output);
        yield return Create("stop", "Stop praefect (waits for its graceful stop).", m => m.Stop(), output);
        yield return Create("restart", "Restart praefect.", m => m.Restart(), output);
        yield return Create("status", "Print praefect's state, runit style: 'run: praefect: (pid 4242) 180s; run: log: (pid 4241) 181s'.", m => m.Status(), output);
        yield return Create("tail", "Follow praefect's log (svlogd's current file, or journalctl).", null, output);
    }

    private static Command Create(string name, string description, Func<IServiceManager, CommandResult>? action, CtlOutput output)
    {
        var config = Common.GitlabRbOptions.Config();
        var root = RenderOptions.Root();
        var service = new Argument<string>("service") { Description = "The service: only 'praefect'.", DefaultValueFactory = _ => "praefect" };
        service.AcceptOnlyFromAmong("praefect");
        var command = new Command(name, description) { service, config, root };
        command.SetAction(parse =>
        {
            var settings = ServiceSettings.Read(parse.GetValue(config)!, output);
            var manager = ServiceManagerFactory.For(settings, Path.GetFullPath(parse.GetValue(root)!));
            if (action is null)
            {
                return manager.Tail(output.Out);
            }

            var result = action(manager);
            foreach (var line in result.Lines)
            {
                output.Out.WriteLine(line);
            }

            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
