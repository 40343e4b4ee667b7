using System.Buffers;
using System.IO.Pipelines;

namespace Praefect.Server.Proxy;

/// <summary>
/// The request body handed to the forwarder after the first message was read: the (rewritten)
/// first frame, then the rest of the client's stream straight from Kestrel's pipe, unbuffered.
/// </summary>
internal sealed class ReplayedRequestStream(byte[] firstFrame, PipeReader rest) : Stream
{
    private int _prefixOffset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_prefixOffset < firstFrame.Length)
        {
            var count = Math.Min(destination.Length, firstFrame.Length - _prefixOffset);
            firstFrame.AsSpan(_prefixOffset, count).CopyTo(destination.Span);
            _prefixOffset += count;
            return count;
        }

        var result = await rest.ReadAsync(cancellationToken).ConfigureAwait(false);
        var buffer = result.Buffer;
        if (buffer.IsEmpty && result.IsCompleted)
        {
            rest.AdvanceTo(buffer.End);
            return 0;
        }

        var length = (int)Math.Min(buffer.Length, destination.Length);
        var slice = buffer.Slice(0, length);
        slice.CopyTo(destination.Span);
        rest.AdvanceTo(slice.End);
        return length;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
