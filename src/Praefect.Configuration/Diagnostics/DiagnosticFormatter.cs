using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Praefect.Configuration.Diagnostics;

/// <summary>
/// Prints diagnostics for people (<c>gitlab.rb:12:5: error: message</c>, an indented hint) and for CI (JSON).
/// Output uses '\n' line ends on every platform so golden files compare byte for byte.
/// </summary>
public static class DiagnosticFormatter
{
    public static string ToText(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity == Severity.Error ? "error" : "warning";
        var text = new StringBuilder($"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}: {severity}: {diagnostic.Message}\n");
        if (diagnostic.Hint is { } hint)
        {
            var lines = hint.ReplaceLineEndings("\n").Split('\n');
            text.Append("  hint: ").Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string ToText(IEnumerable<Diagnostic> diagnostics) => string.Concat(diagnostics.Select(ToText));

    /// <summary>"2 errors, 1 warning".</summary>
    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        return $"{errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}";
    }

    /// <summary><c>{"file":..., "valid":..., "errors":n, "warnings":n, "diagnostics":[{severity, file, line, column, code, message, hint}]}</c>.</summary>
    public static string ToJson(string file, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteBoolean("valid", errors == 0);
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", diagnostics.Count - errors);
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                if (d.Hint is null)
                {
                    json.WriteNull("hint");
                }
                else
                {
                    json.WriteString("hint", d.Hint);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
