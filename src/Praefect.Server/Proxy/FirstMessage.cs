using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;

namespace Praefect.Server.Proxy;

/// <summary>
/// The first request message of a call, read off the client stream before routing. gRPC framing:
/// 1-byte compressed flag, 4-byte big-endian length, message. HTTP/2 DATA frames do not align with
/// messages, so this buffers until one whole message is in, at most the configured limit
/// (Gitaly's 4 MiB receive limit by default), in a pooled buffer that <see cref="Dispose"/> returns.
/// A compressed message is inflated into a buffer of at most the limit: decompression stops there.
/// Malformed framing is refused with grpc-go's codes and words (<see cref="FirstMessageFailure"/>),
/// so clients see what the Go Praefect and Gitaly answer. The rest of the stream stays in the pipe, unread.
/// </summary>
internal sealed class FirstMessage : IDisposable
{
    private const int HeaderLength = 5;

    private static readonly FirstMessage Empty = new(null, 0, present: false);

    private byte[]? _buffer;
    private readonly int _length;

    private FirstMessage(byte[]? buffer, int length, bool present)
    {
        _buffer = buffer;
        _length = length;
        IsPresent = present;
    }

    /// <summary>The (decompressed) message bytes; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Message => _buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, _length);

    /// <summary>False when the client closed its stream without sending a message.</summary>
    public bool IsPresent { get; }

    /// <summary>
    /// Reads one message of at most <paramref name="maxLength"/> bytes (before and after decompression).
    /// Returns null with <paramref name="failure"/> set on a truncated, oversized or undecodable message.
    /// </summary>
    public static async ValueTask<(FirstMessage? Message, FirstMessageFailure Failure)> ReadAsync(PipeReader reader, string? encoding, int maxLength, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= HeaderLength)
            {
                var (flag, length) = ReadHeader(buffer);
                if (length > maxLength)
                {
                    // grpc-go checks the declared (wire) length before reading a byte of the message.
                    reader.AdvanceTo(buffer.Start);
                    return (null, FirstMessageFailure.TooLarge(string.Create(CultureInfo.InvariantCulture, $"grpc: received message larger than max ({length} vs. {maxLength})")));
                }

                if (buffer.Length >= HeaderLength + length)
                {
                    var body = buffer.Slice(HeaderLength, length);
                    var decoded = Decode(body, flag, encoding, maxLength);
                    reader.AdvanceTo(body.End);
                    return decoded;
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.Length == 0
                    ? (Empty, default)
                    : (null, FirstMessageFailure.Framing("unexpected EOF"));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>The message as one uncompressed gRPC frame (tests and rare paths; the hot path writes frames in place).</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var frame = new byte[HeaderLength + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (byte Flag, long Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        return (header[0], BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }

    // A compressed first message is decompressed here and sent on uncompressed (flag 0), which gRPC allows.
    private static (FirstMessage?, FirstMessageFailure) Decode(ReadOnlySequence<byte> body, byte flag, string? encoding, int maxLength)
    {
        var length = (int)body.Length;
        switch (flag)
        {
            case 0:
                var copy = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
                body.CopyTo(copy);
                return (new FirstMessage(copy, length, present: true), default);
            case 1 when string.IsNullOrEmpty(encoding) || encoding == "identity":
                return (null, FirstMessageFailure.Framing("grpc: compressed flag set with identity or empty encoding"));
            case 1 when encoding is not ("gzip" or "deflate"):
                return (null, FirstMessageFailure.Encoding($"grpc: Decompressor is not installed for grpc-encoding \"{encoding}\""));
            case 1:
                return Inflate(body, encoding == "gzip", maxLength);
            default:
                return (null, FirstMessageFailure.Framing(string.Create(CultureInfo.InvariantCulture, $"grpc: received unexpected payload format {flag}")));
        }
    }

    // Inflates into a pooled buffer that grows to at most maxLength bytes; one more byte out of the
    // decompressor proves the message too large, and nothing beyond that is ever decompressed or held.
    private static (FirstMessage?, FirstMessageFailure) Inflate(ReadOnlySequence<byte> body, bool gzip, int maxLength)
    {
        var compressedLength = (int)body.Length;
        var compressed = ArrayPool<byte>.Shared.Rent(Math.Max(1, compressedLength));
        var output = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxLength, Math.Max(4096L, compressedLength * 4L)));
        try
        {
            body.CopyTo(compressed);
            using var input = new MemoryStream(compressed, 0, compressedLength, writable: false);
            using Stream decompressor = gzip ? new GZipStream(input, CompressionMode.Decompress) : new ZLibStream(input, CompressionMode.Decompress);
            var written = 0;
            Span<byte> probe = stackalloc byte[1];
            while (true)
            {
                var capacity = Math.Min(output.Length, maxLength);
                if (written == capacity)
                {
                    if (capacity == maxLength)
                    {
                        if (decompressor.Read(probe) > 0)
                        {
                            return (null, FirstMessageFailure.TooLarge(string.Create(CultureInfo.InvariantCulture, $"grpc: received message after decompression larger than max {maxLength}")));
                        }

                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxLength, output.Length * 2L));
                    output.AsSpan(0, written).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(output);
                    output = larger;
                    continue;
                }

                var read = decompressor.Read(output, written, capacity - written);
                if (read == 0)
                {
                    break;
                }

                written += read;
            }

            var message = new FirstMessage(output, written, present: true);
            output = [];
            return (message, default);
        }
        catch (InvalidDataException e)
        {
            return (null, FirstMessageFailure.Framing("grpc: failed to decompress the received message: " + e.Message));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
            if (output.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }
}
