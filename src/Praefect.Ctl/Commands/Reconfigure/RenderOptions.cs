using System.CommandLine;

namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>The options shared by the commands that render from gitlab.rb (its --config option is <see cref="Common.GitlabRbOptions"/>).</summary>
internal static class RenderOptions
{
    public static Option<string> Root() => new("--root")
    {
        Description = "Directory that every rendered path is placed under; with anything but '/', no service is touched.",
        DefaultValueFactory = _ => "/",
    };

    public static Option<string?> Templates() => new("--templates")
    {
        Description = "Templates directory (default: $PRAEFECT_TEMPLATES_DIR, else templates/ next to praefect-ctl, else /opt/praefect/templates).",
    };
}
