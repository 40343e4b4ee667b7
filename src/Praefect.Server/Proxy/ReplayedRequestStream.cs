using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace Praefect.Server.Proxy;

/// <summary>
/// The request body handed to the forwarder after the first message was read: the (rewritten) first
/// message framed (the 5-byte header is written straight into the reader's buffer, the message copied
/// once from where the router wrote it), then the rest of the client's stream straight from Kestrel's
/// pipe, unbuffered. A <paramref name="rented"/> buffer holding the message goes back to the pool once
/// the message is sent.
/// </summary>
internal sealed class ReplayedRequestStream(ReadOnlyMemory<byte> firstMessage, byte[]? rented, PipeReader rest) : RequestBodyStream
{
    private const int HeaderLength = 5;
    private readonly int _prefixLength = HeaderLength + firstMessage.Length;
    private ReadOnlyMemory<byte> _message = firstMessage;
    private byte[]? _rented = rented;
    private int _prefixOffset;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_prefixOffset < _prefixLength)
        {
            return CopyPrefix(destination.Span);
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

    private int CopyPrefix(Span<byte> destination)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)_message.Length);
        var copied = 0;
        if (_prefixOffset < HeaderLength)
        {
            var count = Math.Min(destination.Length, HeaderLength - _prefixOffset);
            header.Slice(_prefixOffset, count).CopyTo(destination);
            copied = count;
            _prefixOffset += count;
        }

        if (_prefixOffset >= HeaderLength && copied < destination.Length)
        {
            var start = _prefixOffset - HeaderLength;
            var count = Math.Min(destination.Length - copied, _message.Length - start);
            _message.Span.Slice(start, count).CopyTo(destination[copied..]);
            copied += count;
            _prefixOffset += count;
        }

        if (_prefixOffset == _prefixLength && _rented is { } buffer)
        {
            _message = ReadOnlyMemory<byte>.Empty;
            _rented = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return copied;
    }
}
