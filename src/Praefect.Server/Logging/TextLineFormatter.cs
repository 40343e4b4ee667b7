using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Praefect.Server.Logging;

/// <summary><c>logging.format: text</c>: <c>time=... level=... msg="..." key=value ...</c>, one line per entry.</summary>
internal sealed class TextLineFormatter : ConsoleFormatter
{
    public const string FormatterName = "praefect-text";

    public TextLineFormatter() : base(FormatterName)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var line = new StringBuilder(160);
        line.Append("time=").Append(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        line.Append(" level=").Append(JsonLineFormatter.LevelName(logEntry.LogLevel));
        line.Append(" msg=").Append(Quote(logEntry.Formatter(logEntry.State, logEntry.Exception)));
        if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            foreach (var (key, value) in fields)
            {
                if (key != "{OriginalFormat}")
                {
                    line.Append(' ').Append(LogFieldNames.ToFieldName(key)).Append('=').Append(Quote(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                }
            }
        }

        if (logEntry.Exception is not null)
        {
            line.Append(" error=").Append(Quote(logEntry.Exception.Message));
        }

        textWriter.Write(line.Append('\n').ToString());
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-' or ':')
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
