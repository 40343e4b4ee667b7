using Microsoft.Extensions.Logging;

namespace Praefect.Server.Tests.Health;

/// <summary>A logger that keeps every entry (event name, level, formatted message) for assertions.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<(string EventName, LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(string EventName, LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((eventId.Name ?? "", logLevel, formatter(state, exception)));
        }
    }
}
