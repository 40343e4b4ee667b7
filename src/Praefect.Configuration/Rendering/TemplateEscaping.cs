using System.Globalization;
using System.Text;
using Praefect.Configuration.Validation;

namespace Praefect.Configuration.Rendering;

/// <summary>
/// Escapes a value for the format it is written into. Templates call these (as <c>yaml_str</c>,
/// <c>shell_word</c>, <c>systemd_value</c>, <c>systemd_exec_arg</c>) for every value, so no
/// value is pasted raw. Values these formats cannot carry (NUL, newlines in shell or systemd)
/// are rejected earlier by <see cref="RenderSafetyValidator"/>; here they throw.
/// </summary>
public static class TemplateEscaping
{
    /// <summary>A YAML double-quoted scalar that reads back as exactly <paramref name="value"/>.</summary>
    public static string YamlString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (NeedsYamlEscape(rune))
                    {
                        text.Append("\\u").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(rune.ToString());
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>One POSIX shell word: single-quoted, with embedded quotes closed and reopened.</summary>
    public static string ShellWord(string value)
    {
        RejectControl(value, "a shell word");
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A double-quoted systemd value: backslash and quote escaped, <c>%</c> specifiers doubled.</summary>
    public static string SystemdValue(string value)
    {
        RejectControl(value, "a systemd value");
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("%", "%%", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A word of an <c>Exec*=</c> line: as <see cref="SystemdValue"/>, and <c>$</c> doubled so it is not expanded.</summary>
    public static string SystemdExecArg(string value) =>
        SystemdValue(value).Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>A user or group name for <c>User=</c>/<c>Group=</c>, which take no quoting: checked, then written as is.</summary>
    public static string SystemdName(string value) =>
        RenderSafetyValidator.IsSafeAccountName(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a user or group name systemd accepts");

    /// <summary>An env dir file holds its value on the first line; chpst drops trailing whitespace.</summary>
    public static string EnvDirValue(string value)
    {
        RejectControl(value, "an env dir file");
        return value.Length > 0 && char.IsWhiteSpace(value[^1])
            ? throw new ArgumentException("an env dir value cannot end with whitespace (chpst removes it)")
            : value;
    }

    /// <summary>One svlogd config line value: anything but control characters.</summary>
    public static string SvlogdValue(string value)
    {
        RejectControl(value, "an svlogd config line");
        return value;
    }

    /// <summary>True for characters YAML does not allow raw inside a double-quoted scalar.</summary>
    private static bool NeedsYamlEscape(Rune rune) =>
        rune.Value < 0x20 || rune.Value is 0x7F or 0x85 or 0x2028 or 0x2029 or 0xFEFF or 0xFFFE or 0xFFFF
        || rune.Value is >= 0x80 and <= 0x9F;

    private static void RejectControl(string value, string target)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"a control character (U+{(int)c:X4}) cannot be written into {target}");
            }
        }
    }
}
