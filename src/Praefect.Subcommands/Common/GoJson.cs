using System.Globalization;
using System.Text;

namespace Praefect.Subcommands.Common;

/// <summary>JSON objects of strings as Go's <c>json.Marshal</c> of a <c>map[string]string</c> writes them: keys sorted, <c>&lt;&gt;&amp;</c> escaped.</summary>
internal static class GoJson
{
    public static string Object(IEnumerable<(string Key, string Value)> fields)
    {
        var json = new StringBuilder("{");
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            json.Append(json.Length > 1 ? "," : "");
            Append(json, key);
            json.Append(':');
            Append(json, value);
        }

        return json.Append('}').ToString();
    }

    private static void Append(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        json.Append('"');
    }
}
