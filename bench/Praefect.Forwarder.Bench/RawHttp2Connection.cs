using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Praefect.Forwarder.Bench;

/// <summary>
/// The least an HTTP/2 client can do for unary gRPC calls to one node (RFC 9113): each request's HEADERS and DATA
/// frames written in one send on the caller's thread, one read loop that completes calls. Enough for this benchmark,
/// not for production: no CONTINUATION frames, no Huffman-coded headers (.NET's HPACK encoder never uses them), no
/// send-side flow control (requests are a few dozen bytes), no GOAWAY recovery.
/// </summary>
internal sealed class RawHttp2Connection
{
    private const int Window = 16 * 1024 * 1024;
    private const byte Data = 0x0, Headers = 0x1, RstStream = 0x3, Settings = 0x4, Ping = 0x6, GoAway = 0x7, WindowUpdate = 0x8;
    private const byte EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4, Padded = 0x8, Priority = 0x20;
    private readonly Socket _socket;
    private readonly string _authority;
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<int, RawHttp2Call> _calls = new();
    private readonly HpackDecoder _decoder = new();
    private int _nextStreamId = 1;
    private long _unacknowledged;

    private RawHttp2Connection(Socket socket, string authority) => (_socket, _authority) = (socket, authority);

    public static async Task<RawHttp2Connection> ConnectAsync(IPEndPoint endpoint, string authority)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint).ConfigureAwait(false);
        var connection = new RawHttp2Connection(socket, authority);
        var settings = new byte[18];
        Setting(settings.AsSpan(0), 0x1, 0); // header table size 0: the node's encoder keeps no dynamic table
        Setting(settings.AsSpan(6), 0x2, 0); // no server push
        Setting(settings.AsSpan(12), 0x4, Window);
        var increment = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(increment, Window - 65535);
        socket.Send([.. "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8, .. Frame(Settings, 0, 0, settings), .. Frame(WindowUpdate, 0, 0, increment)]);
        _ = Task.Run(connection.ReadLoopAsync);
        return connection;
    }

    public ValueTask<RawHttp2Response> SendAsync(string path, string authorization, ReadOnlyMemory<byte> body)
    {
        var block = new ArrayBufferWriter<byte>(256);
        block.Write<byte>([0x83, 0x86]); // static table: :method POST, :scheme http
        HpackEncoding.WriteLiteral(block, 4, null, path);
        HpackEncoding.WriteLiteral(block, 1, null, _authority);
        HpackEncoding.WriteLiteral(block, 31, null, "application/grpc");
        HpackEncoding.WriteLiteral(block, 0, "te", "trailers");
        if (authorization.Length > 0)
        {
            HpackEncoding.WriteLiteral(block, 23, null, authorization);
        }

        var headers = block.WrittenSpan;
        var frames = new byte[9 + headers.Length + 9 + body.Length];
        var call = new RawHttp2Call();
        lock (_writeLock)
        {
            var id = _nextStreamId;
            _nextStreamId += 2;
            WriteFrameHeader(frames, headers.Length, Headers, EndHeaders, id);
            headers.CopyTo(frames.AsSpan(9));
            WriteFrameHeader(frames.AsSpan(9 + headers.Length), body.Length, Data, EndStream, id);
            body.Span.CopyTo(frames.AsSpan(18 + headers.Length));
            _calls[id] = call;
            _socket.Send(frames);
        }

        return call.Task;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1024 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled)).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("the node closed the connection");
                }

                filled += read;
                var offset = 0;
                while (filled - offset >= 9)
                {
                    var length = (buffer[offset] << 16) | (buffer[offset + 1] << 8) | buffer[offset + 2];
                    if (filled - offset < 9 + length)
                    {
                        break;
                    }

                    var stream = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(offset + 5)) & 0x7fffffff;
                    Handle(buffer[offset + 3], buffer[offset + 4], stream, buffer.AsSpan(offset + 9, length));
                    offset += 9 + length;
                }

                Buffer.BlockCopy(buffer, offset, buffer, 0, filled - offset);
                filled -= offset;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or NotSupportedException)
        {
            foreach (var call in _calls.Values)
            {
                call.Fail(e);
            }
        }
    }

    private void Handle(byte type, byte flags, int stream, ReadOnlySpan<byte> payload)
    {
        switch (type)
        {
            case Data:
                if (_calls.TryGetValue(stream, out var receiving))
                {
                    var data = (flags & Padded) != 0 ? payload[1..(payload.Length - payload[0])] : payload;
                    receiving.Data.Write(data);
                    if ((flags & EndStream) != 0)
                    {
                        Finish(stream, receiving);
                    }
                }

                AcknowledgeData(payload.Length);
                break;
            case Headers:
                HandleHeaders(flags, stream, payload);
                break;
            case RstStream:
                if (_calls.TryRemove(stream, out var reset))
                {
                    reset.Fail(new IOException($"the node reset stream {stream} with code {BinaryPrimitives.ReadInt32BigEndian(payload)}"));
                }

                break;
            case Settings when (flags & Ack) == 0:
                Write(Frame(Settings, Ack, 0, []));
                break;
            case Ping when (flags & Ack) == 0:
                Write(Frame(Ping, Ack, 0, payload.ToArray()));
                break;
            case GoAway:
                throw new IOException("the node sent GOAWAY");
        }
    }

    private void HandleHeaders(byte flags, int stream, ReadOnlySpan<byte> payload)
    {
        if ((flags & EndHeaders) == 0)
        {
            throw new NotSupportedException("a header block in CONTINUATION frames");
        }

        var block = (flags & Padded) != 0 ? payload[1..(payload.Length - payload[0])] : payload;
        block = (flags & Priority) != 0 ? block[5..] : block;
        var fields = _decoder.Decode(block);
        if (!_calls.TryGetValue(stream, out var call))
        {
            return;
        }

        if (call.HeadersSeen)
        {
            call.Trailers.AddRange(fields);
        }
        else
        {
            call.HeadersSeen = true;
            foreach (var (name, value) in fields)
            {
                if (name == ":status")
                {
                    call.Status = int.Parse(value, CultureInfo.InvariantCulture);
                }
                else if (name.StartsWith("grpc-", StringComparison.Ordinal))
                {
                    call.Trailers.Add((name, value)); // a trailers-only answer
                }
            }
        }

        if ((flags & EndStream) != 0)
        {
            Finish(stream, call);
        }
    }

    // One connection-level WINDOW_UPDATE per half window received; each stream starts with the whole window.
    private void AcknowledgeData(int length)
    {
        _unacknowledged += length;
        if (_unacknowledged > Window / 2)
        {
            var increment = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(increment, (int)_unacknowledged);
            _unacknowledged = 0;
            Write(Frame(WindowUpdate, 0, 0, increment));
        }
    }

    private void Finish(int stream, RawHttp2Call call)
    {
        _calls.TryRemove(stream, out _);
        call.Complete();
    }

    private void Write(byte[] frame)
    {
        lock (_writeLock)
        {
            _socket.Send(frame);
        }
    }

    private static void Setting(Span<byte> destination, ushort id, int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, id);
        BinaryPrimitives.WriteInt32BigEndian(destination[2..], value);
    }

    private static byte[] Frame(byte type, byte flags, int stream, byte[] payload)
    {
        var frame = new byte[9 + payload.Length];
        WriteFrameHeader(frame, payload.Length, type, flags, stream);
        payload.CopyTo(frame, 9);
        return frame;
    }

    private static void WriteFrameHeader(Span<byte> destination, int length, byte type, byte flags, int stream)
    {
        destination[0] = (byte)(length >> 16);
        destination[1] = (byte)(length >> 8);
        destination[2] = (byte)length;
        destination[3] = type;
        destination[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(destination[5..], stream);
    }
}
