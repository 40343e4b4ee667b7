using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Praefect.Logging;

namespace Praefect.Server.Logging;

/// <summary>
/// A logger of one category: formats each entry on the calling thread into that thread's reusable
/// buffer and hands the finished line to the <see cref="LineSink"/>. Levels are filtered before it
/// (the logger factory's filter, <see cref="LogLevelSwitch"/>); scopes are not written.
/// </summary>
internal sealed class LineLogger(string category, LineFormatter formatter, LineSink sink) : ILogger
{
    private const int KeptBufferBytes = 16 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format)
    {
        if (logLevel == LogLevel.None)
        {
            return;
        }

        // Taken from the thread while in use: a value whose formatting logs again gets a buffer of its own.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        t_buffer = null;
        buffer.ResetWrittenCount();
        formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, format), buffer);
        sink.Append(buffer.WrittenSpan);
        if (buffer.Capacity <= KeptBufferBytes)
        {
            // One huge line (a long exception) does not stay resident per thread.
            t_buffer = buffer;
        }
    }
}
