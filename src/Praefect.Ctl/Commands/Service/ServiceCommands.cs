using System.CommandLine;
using Praefect.Ctl.Commands.Reconfigure;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.Service;

/// <summary>
/// <c>praefect-ctl start|stop|restart|status|tail|hup|term|int|kill|once|graceful-kill [praefect]</c>
/// and <c>service-list</c> (gitlab-ctl's verbs) through the configured service
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
        yield return Create("hup", "Send praefect SIGHUP (reload its config), as gitlab-ctl hup does.", m => m.Signal(ServiceSignal.Hup), output);
        yield return Create("term", "Send praefect SIGTERM (graceful stop; runit restarts it unless it is down).", m => m.Signal(ServiceSignal.Term), output);
        yield return Create("int", "Send praefect SIGINT.", m => m.Signal(ServiceSignal.Int), output);
        yield return Create("kill", "Send praefect SIGKILL (runit restarts it unless it is down).", m => m.Signal(ServiceSignal.Kill), output);
        yield return Create("once", "Start praefect without restarting it when it stops (runit's 'sv once'; refused under systemd).", m => m.Once(), output);
        yield return Create("graceful-kill", "Stop praefect gracefully, then SIGKILL whatever is left (systemd: systemctl stop does both).", m => m.GracefulKill(), output);
        yield return ServiceListCommand.Create(output);
    }

    private static Command Create(string name, string summary, Func<IServiceManager, CommandResult>? action, CtlOutput output)
    {
        var config = Common.GitlabRbOptions.Config();
        var root = RenderOptions.Root();
        var service = new Argument<string>("service") { Description = "The service: only 'praefect'.", DefaultValueFactory = _ => "praefect" };
        service.AcceptOnlyFromAmong("praefect");
        var description = $"""
            {summary}

            Examples:
              praefect-ctl {name}
              praefect-ctl {name} praefect --config /etc/gitlab/gitlab.rb
            """;
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
