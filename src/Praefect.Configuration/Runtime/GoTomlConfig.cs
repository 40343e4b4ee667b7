using System.Text.RegularExpressions;

namespace Praefect.Configuration.Runtime;

/// <summary>
/// Recognises the Go Praefect's <c>config.toml</c> (an admin passing <c>-config /var/opt/gitlab/praefect/config.toml</c>
/// from GitLab's docs), so the error says what to pass instead of a YAML syntax error.
/// </summary>
public static partial class GoTomlConfig
{
    public const string Hint =
        "this praefect reads the YAML runtime config that 'praefect-ctl reconfigure' renders from /etc/gitlab/gitlab.rb: " +
        "pass -config /var/opt/gitlab/praefect/config.yml (the same settings go into gitlab.rb as praefect['...'] keys)";

    /// <summary>The 1-based line of the first TOML construct (<c>[[virtual_storage]]</c>, <c>[auth]</c>, <c>key = value</c>), or 0.</summary>
    public static int FirstTomlLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            return TomlLine().IsMatch(line) ? i + 1 : 0;
        }

        return 0;
    }

    [GeneratedRegex(@"^(\[\[?[A-Za-z0-9_.\-]+\]\]?|[A-Za-z0-9_\-]+\s*=\s*.+)$")]
    private static partial Regex TomlLine();
}
