using Microsoft.Extensions.Logging;
using Praefect.Logging;

namespace Praefect.Server.Logging;

/// <summary>praefect's log output: every category's lines, in the configured format, to standard output through one <see cref="LineSink"/>.</summary>
internal sealed class LineLoggerProvider(LineFormatter formatter, Stream output) : ILoggerProvider
{
    private readonly LineSink _sink = new(output);

    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, formatter, _sink);

    public void Dispose() => _sink.Dispose();
}
