using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Praefect.Server.Logging;

/// <summary>
/// One JSON object per line, Gitaly style: <c>time</c> (UTC, milliseconds), <c>level</c>, <c>msg</c>,
/// then every structured field of the message under its Gitaly name (see <see cref="LogFieldNames"/>).
/// </summary>
internal sealed class JsonLineFormatter : ConsoleFormatter
{
    public const string FormatterName = "praefect-json";

    public JsonLineFormatter() : base(FormatterName)
    {
    }

    // Readable messages: quotes and apostrophes as themselves, not \u0022 (the JSON stays valid).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(logEntry.LogLevel));
            json.WriteString("msg", logEntry.Formatter(logEntry.State, logEntry.Exception));
            var correlated = false;
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    if (key == "{OriginalFormat}" || value is null)
                    {
                        continue;
                    }

                    var name = LogFieldNames.ToFieldName(key);
                    correlated |= name == "correlation_id";
                    WriteField(json, name, value);
                }
            }

            if (!correlated && Correlation.Current is { } correlationId)
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

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
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
