using System.CommandLine;

namespace Praefect.Ctl;

/// <summary>
/// Builds the praefect-ctl command tree. Each command lives in its own folder under
/// <c>Commands/</c> with a static <c>Create(CtlOutput)</c>; add one line here per command.
/// Exit codes: 0 ok, 1 failed, 2 usage or unreadable input.
/// </summary>
internal static class CtlApp
{
    public static RootCommand Create(CtlOutput output)
    {
        var root = new RootCommand("praefect-ctl: configure and operate a Praefect node from /etc/gitlab/gitlab.rb.");
        // Commands are added below, one line each; the Go Praefect's subcommands come from Praefect.Subcommands.
        foreach (var command in GoSubcommands.ForPraefectCtl(output)) root.Subcommands.Add(command);
        root.Subcommands.Add(Commands.ReplicationStatus.ReplicationStatusCommand.Create(output));
        root.Subcommands.Add(Commands.CheckConsistency.CheckConsistencyCommand.Create(output));
        root.Subcommands.Add(Commands.Check.CheckCommand.Create(output));
        root.Subcommands.Add(Commands.ShowConfig.ShowConfigCommand.Create(output));
        root.Subcommands.Add(Commands.Reconfigure.ReconfigureCommand.Create(output));
        root.Subcommands.Add(Commands.Render.RenderCommand.Create(output));
        root.Subcommands.Add(Commands.DiffConfig.DiffConfigCommand.Create(output));
        root.Subcommands.Add(Commands.CheckTemplates.CheckTemplatesCommand.Create(output));
        foreach (var command in Commands.Service.ServiceCommands.Create(output)) root.Subcommands.Add(command);
        root.Subcommands.Add(Commands.ListMethods.ListMethodsCommand.Create(output));
        root.Subcommands.Add(Commands.Nodes.NodesCommand.Create(output));
        root.Subcommands.Add(Commands.Failover.FailoverCommand.Create(output));
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var output = new CtlOutput(stdout, stderr);
        return GoSubcommands.Invoke(Create(output), GoSubcommands.ForPraefectCtlArguments(args), output);
    }
}
