using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Praefect.Logging;

/// <summary>
/// praefect's JSON lines (<see cref="JsonLineFormatter"/>) for a program that logs through the console logger
/// (gitaly-lite): register with <c>AddConsoleFormatter&lt;ConsoleLineFormatter, ConsoleFormatterOptions&gt;()</c> and
/// select <see cref="FormatterName"/>.
/// </summary>
public sealed class ConsoleLineFormatter : ConsoleFormatter
{
    public const string FormatterName = "praefect-json";

    private readonly JsonLineFormatter _json = new();

    public ConsoleLineFormatter() : base(FormatterName)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        _json.Write(logEntry, buffer);
        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
