using System.Text.RegularExpressions;
using Praefect.Configuration.Runtime;
using Praefect.Configuration.Settings;

namespace Praefect.Configuration.Rendering.Apply;

/// <summary>
/// Hides secrets in rendered text before it is shown: the value of every <c>token:</c> and
/// <c>password:</c> line of config.yml, and every known secret value wherever else it appears
/// (as written and as YAML escapes it), from the new settings and from the old config.yml.
/// </summary>
public sealed partial class RenderedTextRedactor
{
    public const string Marker = "[REDACTED]";

    private readonly IReadOnlyList<string> _secrets;

    public RenderedTextRedactor(IEnumerable<string> secrets) =>
        _secrets = secrets
            .Where(s => s.Length > 0)
            .SelectMany(s => new[] { s, TemplateEscaping.YamlString(s)[1..^1] })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();

    public static RenderedTextRedactor For(PraefectSettings settings, RuntimeConfig? oldConfig) =>
        new(SecretsOf(RuntimeConfigMapper.FromSettings(settings)).Concat(oldConfig is null ? [] : SecretsOf(oldConfig))
            .Concat(settings.Env.Where(e => LooksSecret(e.Key)).Select(e => e.Value)));

    public string Line(string line)
    {
        var match = SecretKeyLine().Match(line);
        if (match.Success)
        {
            return match.Groups["prefix"].Value + Marker;
        }

        foreach (var secret in _secrets)
        {
            line = line.Replace(secret, Marker, StringComparison.Ordinal);
        }

        return line;
    }

    private static IEnumerable<string> SecretsOf(RuntimeConfig config) =>
        new[] { config.Auth.Token, config.Database.Password }
            .Concat(config.VirtualStorages.SelectMany(vs => vs.Nodes).Select(n => n.Token));

    private static bool LooksSecret(string name) =>
        name.Contains("TOKEN", StringComparison.OrdinalIgnoreCase) || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
        || name.Contains("SECRET", StringComparison.OrdinalIgnoreCase) || name.Contains("KEY", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<prefix>\s*(-\s+)?(token|password)\s*:\s*)\S")]
    private static partial Regex SecretKeyLine();
}
