namespace Praefect.Server.Logging;

/// <summary>
/// Where finished log lines go: appended (UTF-8, whole lines) to a pending buffer under a short lock and
/// written to the output stream by one background thread, which takes everything pending in one write.
/// Under load lines are batched (one write per batch, not per line); an idle log is written at once.
/// Bounded: past <see cref="PendingLimit"/> bytes not yet written, writers wait for the thread (the log
/// never grows without bound). Disposing (or the process exiting) writes what is pending first.
/// </summary>
internal sealed class LineSink : IDisposable
{
    /// <summary>Bytes waiting to be written beyond which appenders wait.</summary>
    public const int PendingLimit = 4 * 1024 * 1024;

    private const int InitialBuffer = 64 * 1024;

    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly Thread _writer;
    private byte[] _pending = new byte[InitialBuffer];
    private byte[] _spare = new byte[InitialBuffer];
    private int _pendingLength;
    private bool _writing;
    private bool _stopping;
    private bool _writerDone;

    public LineSink(Stream output)
    {
        _output = output;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "praefect log writer" };
        _writer.Start();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Queues one or more whole lines.</summary>
    public void Append(ReadOnlySpan<byte> lines)
    {
        lock (_gate)
        {
            while (_pendingLength > 0 && _pendingLength + lines.Length > PendingLimit && !_stopping)
            {
                Monitor.Wait(_gate);
            }

            if (_writerDone)
            {
                // After disposal (late lines of shutdown): written directly.
                WriteOut(lines);
                return;
            }

            if (_pendingLength + lines.Length > _pending.Length)
            {
                Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + lines.Length));
            }

            lines.CopyTo(_pending.AsSpan(_pendingLength));
            var wasEmpty = _pendingLength == 0;
            _pendingLength += lines.Length;
            if (wasEmpty && !_writing)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        // The thread writes what is pending before it ends; a blocked output (nobody reading) does not hold the exit.
        _writer.Join(TimeSpan.FromSeconds(5));
    }

    private void WriteLoop()
    {
        while (true)
        {
            int length;
            lock (_gate)
            {
                while (_pendingLength == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_pendingLength == 0)
                {
                    _writerDone = true;
                    Monitor.PulseAll(_gate);
                    return;
                }

                (_pending, _spare) = (_spare, _pending);
                length = _pendingLength;
                _pendingLength = 0;
                _writing = true;
            }

            WriteOut(_spare.AsSpan(0, length));
            lock (_gate)
            {
                _writing = false;
                if (_spare.Length > 4 * InitialBuffer)
                {
                    // A burst grew the buffer: let it go.
                    _spare = new byte[InitialBuffer];
                }

                Monitor.PulseAll(_gate);
            }
        }
    }

    private void WriteOut(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _output.Write(bytes);
            _output.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Nobody reads the log any more (closed pipe): praefect keeps serving.
        }
    }
}
