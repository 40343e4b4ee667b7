using Praefect.Configuration.Rendering;
using Praefect.Configuration.Rendering.Apply;
using Praefect.Configuration.Runtime;
using Praefect.Configuration.Settings;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>Loads the templates, renders everything in memory and compares it with the disk. Writes nothing.</summary>
internal static class ConfigurationPlanner
{
    public static ConfigurationPlan? Plan(PraefectSettings settings, string root, string? templatesDir, string command, CtlOutput output, string servicePrefix = "")
    {
        var tree = Render(settings, templatesDir, command, output, servicePrefix);
        if (tree is null)
        {
            return null;
        }

        var configPath = RootedPath.Under(root, ServiceLayout.For(settings).ConfigPath);
        var changes = TreeComparer.Compare(tree, root);
        var oldConfig = File.Exists(configPath) ? RuntimeConfigLoader.ParseFile(configPath).Config : null;
        return new ConfigurationPlan(settings, root, tree, changes, ServiceActionDecider.Decide(changes, configPath),
            RenderedTextRedactor.For(settings, oldConfig));
    }

    public static RenderedTree? Render(PraefectSettings settings, string? templatesDir, string command, CtlOutput output, string servicePrefix = "")
    {
        var (templates, templateDiagnostics) = TemplateSet.Load(TemplateDirectoryLocator.Locate(templatesDir));
        foreach (var diagnostic in templateDiagnostics)
        {
            output.Error.WriteLine(diagnostic.ToString());
        }

        if (templates is null)
        {
            output.Error.WriteLine($"praefect-ctl {command}: the templates have errors; nothing was changed.");
            return null;
        }

        var rendered = new SettingsRenderer(templates).Render(settings, servicePrefix);
        foreach (var diagnostic in rendered.Diagnostics)
        {
            output.Error.WriteLine(diagnostic.ToString());
        }

        if (rendered.Tree is null)
        {
            output.Error.WriteLine($"praefect-ctl {command}: rendering failed; nothing was changed.");
        }

        return rendered.Tree;
    }
}
