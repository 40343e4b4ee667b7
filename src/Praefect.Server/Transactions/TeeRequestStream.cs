using System.IO.Pipelines;
using Praefect.Server.Proxy;

namespace Praefect.Server.Transactions;

/// <summary>
/// The primary's request body with every byte after its own first frame (<paramref name="prefixLength"/>
/// bytes) also written to each secondary's pipe, before the primary gets it. A secondary whose call ended
/// (its pipe's reader completed) is dropped; the end of the client's stream (or its failure) completes every pipe.
/// </summary>
internal sealed class TeeRequestStream(Stream inner, long prefixLength, IReadOnlyList<PipeWriter> secondaries) : RequestBodyStream
{
    private readonly PipeWriter?[] _writers = [.. secondaries];
    private long _position;
    private int _completed;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Complete(e);
            throw;
        }

        if (read == 0)
        {
            // A zero-byte read (YARP's way of waiting for data without a buffer) is no end of stream.
            if (destination.Length > 0)
            {
                Complete(null);
            }

            return 0;
        }

        var skip = (int)Math.Clamp(prefixLength - _position, 0, read);
        _position += read;
        if (skip < read)
        {
            await CopyAsync(destination[skip..read], cancellationToken).ConfigureAwait(false);
        }

        return read;
    }

    private async ValueTask CopyAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _writers.Length; i++)
        {
            if (_writers[i] is not { } writer)
            {
                continue;
            }

            FlushResult result;
            try
            {
                result = await writer.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The secondary's reader completed between two writes.
                result = new FlushResult(isCanceled: false, isCompleted: true);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                _writers[i] = null;
                await writer.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ends every secondary's request stream (idempotent): the client's stream ended, failed, or the primary's call is over.</summary>
    public void Complete(Exception? error)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        for (var i = 0; i < _writers.Length; i++)
        {
            _writers[i]?.Complete(error);
            _writers[i] = null;
        }
    }
}
