using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;

namespace Praefect.Server.Proxy;

/// <summary>
/// The first request message of a call, read off the client stream before routing. gRPC framing:
/// 1-byte compressed flag, 4-byte big-endian length, message. HTTP/2 DATA frames do not align with
/// messages, so this buffers until one whole message is in, up to <see cref="MaxLength"/>.
/// The rest of the stream stays in the pipe, unread.
/// </summary>
internal sealed class FirstMessage
{
    /// <summary>The largest first message praefect buffers (Gitaly's first messages are small).</summary>
    public const int MaxLength = 64 * 1024 * 1024;

    private FirstMessage(byte[] message, bool present)
    {
        Message = message;
        IsPresent = present;
    }

    /// <summary>The (decompressed) message bytes.</summary>
    public byte[] Message { get; }

    /// <summary>False when the client closed its stream without sending a message.</summary>
    public bool IsPresent { get; }

    /// <summary>Reads one message. Returns null with <paramref name="error"/> set on a truncated, oversized or undecodable message.</summary>
    public static async ValueTask<(FirstMessage? Message, string Error)> ReadAsync(PipeReader reader, string? encoding, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= 5)
            {
                var (compressed, length) = ReadHeader(buffer);
                if (length > MaxLength)
                {
                    reader.AdvanceTo(buffer.Start);
                    return (null, $"the first request message is {length} bytes; praefect reads at most {MaxLength} bytes to route a call");
                }

                if (buffer.Length >= 5 + length)
                {
                    var message = buffer.Slice(5, length).ToArray();
                    reader.AdvanceTo(buffer.GetPosition(5 + length));
                    return Decode(message, compressed, encoding);
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.Length == 0
                    ? (new FirstMessage([], present: false), "")
                    : (null, $"the request stream ended inside its first message ({buffer.Length} bytes of a gRPC frame)");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>The message as one uncompressed gRPC frame.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    private static (bool Compressed, long Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[5];
        buffer.Slice(0, 5).CopyTo(header);
        return (header[0] == 1, BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }

    // A compressed first message is decompressed here and sent on uncompressed (flag 0), which gRPC allows.
    private static (FirstMessage?, string) Decode(byte[] message, bool compressed, string? encoding)
    {
        if (!compressed)
        {
            return (new FirstMessage(message, present: true), "");
        }

        try
        {
            using var input = new MemoryStream(message);
            using Stream decompressor = encoding switch
            {
                "gzip" => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                _ => throw new InvalidDataException($"the first request message is compressed with '{encoding}', which praefect cannot read; use gzip, deflate or no compression"),
            };
            using var output = new MemoryStream();
            decompressor.CopyTo(output);
            return output.Length > MaxLength
                ? (null, $"the first request message is more than {MaxLength} bytes once decompressed")
                : (new FirstMessage(output.ToArray(), present: true), "");
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }
    }
}
