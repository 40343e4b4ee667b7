using System.CommandLine;

namespace Praefect.Ctl.Commands.Common;

/// <summary>
/// The <c>--config</c> option of every command that reads gitlab.rb. Default: <c>$PRAEFECT_GITLAB_RB</c>
/// when set, else /etc/gitlab/gitlab.rb.
/// </summary>
internal static class GitlabRbOptions
{
    public const string DefaultPath = "/etc/gitlab/gitlab.rb";
    public const string PathVariable = "PRAEFECT_GITLAB_RB";

    public static string DefaultConfigPath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public static Option<string> Config() => new("--config", "-c")
    {
        Description = $"The gitlab.rb to read (default ${PathVariable}, else {DefaultPath}).",
        DefaultValueFactory = _ => DefaultConfigPath,
    };
}
