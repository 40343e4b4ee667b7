using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Praefect.Logging;

/// <summary><c>logging.format: text</c>: <c>time=... level=... msg="..." key=value ...</c>, one line per entry.</summary>
public sealed class TextLineFormatter : LineFormatter
{
    [ThreadStatic]
    private static StringBuilder? t_line;

    public override void Write<TState>(in LogEntry<TState> logEntry, IBufferWriter<byte> output)
    {
        var line = (t_line ?? new StringBuilder(256)).Clear();
        t_line = null;
        line.Append("time=").Append(DateTime.UtcNow.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
        line.Append(" level=").Append(JsonLineFormatter.LevelName(logEntry.LogLevel));
        line.Append(" msg=");
        AppendQuoted(line, logEntry.Formatter(logEntry.State, logEntry.Exception));
        if (Fields(logEntry) is { } fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var (key, value) = fields[i];
                if (key != OriginalFormat)
                {
                    line.Append(' ').Append(LogFieldNames.ToFieldName(key)).Append('=');
                    AppendQuoted(line, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }

        if (logEntry.Exception is not null)
        {
            line.Append(" error=");
            AppendQuoted(line, logEntry.Exception.Message);
        }

        line.Append('\n');
        var text = line.ToString();
        output.Advance(Encoding.UTF8.GetBytes(text, output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));

        if (line.Capacity <= 16 * 1024)
        {
            t_line = line;
        }
    }

    private static void AppendQuoted(StringBuilder line, string value)
    {
        if (value.Length > 0 && IsBare(value))
        {
            line.Append(value);
            return;
        }

        line.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => line.Append("\\\\"),
                '"' => line.Append("\\\""),
                '\n' => line.Append("\\n"),
                _ => line.Append(c),
            };
        }

        line.Append('"');
    }

    private static bool IsBare(string value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
