namespace Praefect.Configuration.Settings;

/// <summary>
/// The secret values in a <see cref="PraefectSettings"/> (auth token, node tokens, database password,
/// <c>env</c> values whose names say secret: <c>*_TOKEN</c>, <c>*_PASSWORD</c>, <c>*SECRET*</c>, ...),
/// so that diffs, logs and command output can replace them with <see cref="Placeholder"/>.
/// </summary>
public static class SettingsRedactor
{
    public const string Placeholder = "[REDACTED]";

    /// <summary>Every non-empty secret, longest first (so a secret containing another is replaced whole).</summary>
    public static IReadOnlyList<string> Secrets(PraefectSettings settings)
    {
        var secrets = new List<string> { settings.AuthToken, settings.Database.Password };
        secrets.AddRange(settings.VirtualStorages.SelectMany(s => s.Nodes).Select(n => n.Token));
        secrets.AddRange(settings.Env.Where(e => IsSecretEnv(e.Key)).Select(e => e.Value));
        return secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces every occurrence of every secret in <paramref name="text"/>.</summary>
    public static string Redact(string text, PraefectSettings settings) => Redact(text, Secrets(settings));

    public static string Redact(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A copy with every secret replaced by <see cref="Placeholder"/> (empty secrets stay empty: auth off is worth seeing).</summary>
    public static PraefectSettings RedactSettings(PraefectSettings settings) => settings with
    {
        AuthToken = Mask(settings.AuthToken),
        Database = settings.Database with { Password = Mask(settings.Database.Password) },
        VirtualStorages = settings.VirtualStorages
            .Select(s => s with { Nodes = s.Nodes.Select(n => n with { Token = Mask(n.Token) }).ToList() })
            .ToList(),
        Env = settings.Env.ToDictionary(e => e.Key, e => IsSecretEnv(e.Key) ? Mask(e.Value) : e.Value, StringComparer.Ordinal),
    };

    /// <summary>An env variable whose name says it holds a secret (<c>GITLAB_TOKEN</c>, <c>PGPASSWORD</c>, <c>AWS_SECRET_ACCESS_KEY</c>).</summary>
    public static bool IsSecretEnv(string name) => Diagnostics.Shown.IsSecretKey(name);

    private static string Mask(string secret) => secret.Length == 0 ? "" : Placeholder;
}
