using System.CommandLine;
using Praefect.Ctl.Commands.Reconfigure;
using Praefect.Ctl.ServiceManagers;

namespace Praefect.Ctl.Commands.Service;

/// <summary><c>praefect-ctl service-list</c>: the services, an enabled one followed by <c>*</c>, as gitlab-ctl prints them.</summary>
internal static class ServiceListCommand
{
    public static Command Create(CtlOutput output)
    {
        var config = Common.GitlabRbOptions.Config();
        var root = RenderOptions.Root();
        var command = new Command("service-list", """
            List the services praefect-ctl controls; an enabled (set up) service is followed by '*', as in gitlab-ctl service-list.

            Examples:
              praefect-ctl service-list
              praefect-ctl service-list --root /tmp/sandbox
            """)
        {
            config,
            root,
        };
        command.SetAction(parse =>
        {
            var settings = ServiceSettings.Read(parse.GetValue(config)!, output);
            var manager = ServiceManagerFactory.For(settings, Path.GetFullPath(parse.GetValue(root)!));
            output.Out.WriteLine(manager.IsSetUp ? "praefect*" : "praefect");
            return ExitCodes.Ok;
        });
        return command;
    }
}
