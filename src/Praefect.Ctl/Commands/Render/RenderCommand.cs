using System.CommandLine;
using Praefect.Configuration.Rendering.Apply;
using Praefect.Ctl.Commands.Reconfigure;

namespace Praefect.Ctl.Commands.Render;

/// <summary>
/// <c>praefect-ctl render --output DIR</c>: render every file into DIR (for packagers and CI),
/// print the manifest (kind, mode, owner, path); no owner applied, no service touched.
/// </summary>
internal static class RenderCommand
{
    public const string Name = "render";

    public static Command Create(CtlOutput output)
    {
        var config = Common.GitlabRbOptions.Config();
        var templates = RenderOptions.Templates();
        var target = new Option<string>("--output") { Description = "Directory to render into (created when missing).", Required = true };
        var command = new Command(Name, """
            Render every file from gitlab.rb into a directory and print the manifest; touches no service.

            Examples:
              praefect-ctl render --output /tmp/rendered
              praefect-ctl render --config ./gitlab.rb --output ./out
            """)
        {
            config, templates, target,
        };
        command.SetAction(parse => Execute(parse.GetValue(config)!, parse.GetValue(target)!, parse.GetValue(templates), output));
        return command;
    }

    public static int Execute(string configPath, string outputDir, string? templatesDir, CtlOutput output)
    {
        var settings = SettingsSource.Read(configPath, Name, output, out var exitCode);
        if (settings is null)
        {
            return exitCode;
        }

        var tree = ConfigurationPlanner.Render(settings, templatesDir, Name, output);
        if (tree is null)
        {
            return ExitCodes.Failed;
        }

        var root = Path.GetFullPath(outputDir);
        if (TreeWriter.Apply(TreeComparer.Compare(tree, root), root, new OwnerPolicy(apply: false, strict: false)) is { } error)
        {
            output.Error.WriteLine($"praefect-ctl {Name}: error: {error}");
            return ExitCodes.Failed;
        }

        foreach (var line in tree.ManifestLines)
        {
            output.Out.WriteLine(line);
        }

        return ExitCodes.Ok;
    }
}
