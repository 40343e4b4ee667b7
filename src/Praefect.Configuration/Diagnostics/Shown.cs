namespace Praefect.Configuration.Diagnostics;

/// <summary>
/// How values appear in messages: quoted, with control characters and whitespace other than a
/// plain space escaped (<c>'a\u000Ab'</c>) so a diagnostic stays on one line and shows what is wrong.
/// Secrets never go through here: they are described (<see cref="Secret"/>), not shown.
/// </summary>
internal static class Shown
{
    public static string Quote(string value) =>
        "'" + string.Concat(value.Select(c => char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' ') ? $"\\u{(int)c:X4}" : c.ToString())) + "'";

    /// <summary>A secret as a message may describe it: "a string of 12 characters".</summary>
    public static string Secret(string value) => $"a string of {value.Length} {(value.Length == 1 ? "character" : "characters")}";

    /// <summary>Key names whose values are secrets: tokens, passwords, secrets, DSNs with credentials, private keys.</summary>
    public static bool IsSecretKey(string? key)
    {
        if (key is null)
        {
            return false;
        }

        var name = key.ToLowerInvariant();
        return name.Contains("token", StringComparison.Ordinal) || name.Contains("password", StringComparison.Ordinal)
            || name.Contains("passwd", StringComparison.Ordinal) || name.Contains("secret", StringComparison.Ordinal)
            || name.Contains("dsn", StringComparison.Ordinal) || name.Contains("credential", StringComparison.Ordinal)
            || name.Contains("private_key", StringComparison.Ordinal) || name.Contains("access_key", StringComparison.Ordinal)
            || name.EndsWith("_key", StringComparison.Ordinal) && !name.EndsWith("ssh_key", StringComparison.Ordinal) && name != "key";
    }
}
