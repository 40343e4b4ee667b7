namespace Praefect.Server.Failover;

/// <summary>
/// Holds new mutators of one virtual storage while a failover switches its primary. Routing enters
/// the gate before it picks the primary for a mutator and keeps the pass until the call ends, so a
/// closed gate also tells when every write already sent to the old primary has finished.
/// </summary>
internal sealed class MutatorGate
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private TaskCompletionSource? _reopened;
    private TaskCompletionSource? _drained;

    /// <summary>True while a failover holds new mutators.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _reopened is not null;
            }
        }
    }

    /// <summary>Mutators that entered and have not ended yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Waits while the gate is closed, then counts the mutator in. Dispose the pass when the call ends.</summary>
    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Task reopened;
        lock (_lock)
        {
            if (_reopened is null)
            {
                _inFlight++;
                return ValueTask.FromResult<IDisposable>(new Pass(this));
            }

            reopened = _reopened.Task;
        }

        return EnterWhenOpenAsync(reopened, cancellationToken);
    }

    /// <summary>
    /// Closes the gate: new mutators wait from now on. The task completes when every mutator that
    /// entered before has ended. Only one failover may hold a gate at a time.
    /// </summary>
    public Task CloseAsync()
    {
        lock (_lock)
        {
            if (_reopened is not null)
            {
                throw new InvalidOperationException("the mutator gate is already closed by another failover");
            }

            _reopened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }

    /// <summary>Lets the held mutators go on (they pick the primary after this).</summary>
    public void Open()
    {
        TaskCompletionSource? reopened;
        lock (_lock)
        {
            reopened = _reopened;
            _reopened = null;
            _drained = null;
        }

        reopened?.TrySetResult();
    }

    private async ValueTask<IDisposable> EnterWhenOpenAsync(Task reopened, CancellationToken cancellationToken)
    {
        while (true)
        {
            await reopened.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (_reopened is null)
                {
                    _inFlight++;
                    return new Pass(this);
                }

                // Closed again by the next failover before this call got in: wait for that one too.
                reopened = _reopened.Task;
            }
        }
    }

    private void Exit()
    {
        TaskCompletionSource? drained = null;
        lock (_lock)
        {
            _inFlight--;
            if (_inFlight == 0 && _drained is not null)
            {
                drained = _drained;
                _drained = null;
            }
        }

        drained?.TrySetResult();
    }

    private sealed class Pass(MutatorGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Exit();
            }
        }
    }
}
