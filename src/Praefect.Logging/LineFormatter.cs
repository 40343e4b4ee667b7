using System.Buffers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Praefect.Logging;

/// <summary>Formats one log entry as one UTF-8 line (ending in <c>\n</c>) into a caller's buffer (praefect's <c>LineLogger</c>, or <see cref="ConsoleLineFormatter"/> for a console logger).</summary>
public abstract class LineFormatter
{
    /// <summary>The time format of every line (UTC, milliseconds), as Gitaly writes it.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public abstract void Write<TState>(in LogEntry<TState> logEntry, IBufferWriter<byte> output);

    /// <summary>The placeholder values of a [LoggerMessage] entry (without <c>{OriginalFormat}</c>), read by index: no enumerator per line.</summary>
    protected static IReadOnlyList<KeyValuePair<string, object?>>? Fields<TState>(in LogEntry<TState> logEntry) =>
        logEntry.State as IReadOnlyList<KeyValuePair<string, object?>>;

    protected const string OriginalFormat = "{OriginalFormat}";
}
