using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Praefect.Logging;

/// <summary>
/// One JSON object per line, Gitaly style: <c>time</c> (UTC, milliseconds), <c>level</c>, <c>msg</c>,
/// then every structured field of the message under its Gitaly name (see <see cref="LogFieldNames"/>).
/// Written straight as UTF-8 by one JSON writer per thread, reused line after line.
/// </summary>
public sealed class JsonLineFormatter : LineFormatter
{
    // Readable messages: quotes and apostrophes as themselves, not \u0022 (the JSON stays valid).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public override void Write<TState>(in LogEntry<TState> logEntry, IBufferWriter<byte> output)
    {
        // Taken from the thread while in use (a value whose formatting logs again gets a writer of its own).
        var json = t_writer ?? new Utf8JsonWriter(output, WriterOptions);
        t_writer = null;
        json.Reset(output);
        WriteObject(json, logEntry);
        json.Flush();
        t_writer = json;

        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    private static void WriteObject<TState>(Utf8JsonWriter json, in LogEntry<TState> logEntry)
    {
        json.WriteStartObject();
        Span<char> time = stackalloc char[TimeFormat.Length];
        DateTime.UtcNow.TryFormat(time, out var timeLength, TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
        json.WriteString("time", time[..timeLength]);
        json.WriteString("level", LevelName(logEntry.LogLevel));
        json.WriteString("msg", logEntry.Formatter(logEntry.State, logEntry.Exception));
        var correlated = false;
        if (Fields(logEntry) is { } fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var (key, value) = fields[i];
                if (key == OriginalFormat || value is null)
                {
                    continue;
                }

                var name = LogFieldNames.ToFieldName(key);
                correlated |= name == "correlation_id";
                WriteField(json, name, value);
            }
        }

        if (!correlated && LogCorrelation.Current is { } correlationId)
        {
            // A line written for a call or a replication job carries its id even when the message does not.
            json.WriteString("correlation_id", correlationId);
        }

        json.WriteString("component", logEntry.Category);
        if (logEntry.Exception is not null)
        {
            json.WriteString("error", logEntry.Exception.Message);
        }

        json.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case double d:
                json.WriteNumber(name, Math.Round(d, 3));
                break;
            case string s:
                json.WriteString(name, s);
                break;
            default:
                json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "fatal",
    };
}
