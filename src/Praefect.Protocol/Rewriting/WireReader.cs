namespace Praefect.Protocol.Rewriting;

/// <summary>One field of a serialized protobuf message: its tag bytes, and its payload (the value
/// bytes; for length-delimited fields, the bytes after the length prefix).</summary>
internal readonly ref struct WireField
{
    public WireField(int number, int wireType, ReadOnlySpan<byte> whole, ReadOnlySpan<byte> payload)
    {
        Number = number;
        WireType = wireType;
        Whole = whole;
        Payload = payload;
    }

    public int Number { get; }
    public int WireType { get; }
    /// <summary>Tag, length prefix (if any) and payload, exactly as in the message.</summary>
    public ReadOnlySpan<byte> Whole { get; }
    public ReadOnlySpan<byte> Payload { get; }
    public bool IsLengthDelimited => WireType == WireReader.LengthDelimited;
}

/// <summary>
/// Walks the top-level fields of a serialized protobuf message without a generated type.
/// Never throws on malformed input: <see cref="TryNext"/> returns false and sets <see cref="Error"/>.
/// </summary>
internal ref struct WireReader
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _message;
    private int _offset;

    public WireReader(ReadOnlySpan<byte> message)
    {
        _message = message;
        _offset = 0;
        Error = null;
    }

    /// <summary>Why the last <see cref="TryNext"/> failed; null at a clean end of message.</summary>
    public string? Error { get; private set; }

    public bool TryNext(out WireField field)
    {
        field = default;
        if (_offset >= _message.Length)
        {
            return false;
        }

        var start = _offset;
        if (!TryReadVarint(out var tag) || tag == 0 || (tag >> 3) > int.MaxValue)
        {
            Error ??= $"invalid field tag at byte {start}";
            return false;
        }

        var number = (int)(tag >> 3);
        var wireType = (int)(tag & 7);
        var payloadStart = _offset;
        switch (wireType)
        {
            case Varint:
                if (!TryReadVarint(out _))
                {
                    Error ??= $"truncated varint in field {number} at byte {payloadStart}";
                    return false;
                }

                break;
            case Fixed64:
                if (!Skip(8, number))
                {
                    return false;
                }

                break;
            case Fixed32:
                if (!Skip(4, number))
                {
                    return false;
                }

                break;
            case LengthDelimited:
                if (!TryReadVarint(out var length) || length > int.MaxValue)
                {
                    Error ??= $"invalid length of field {number} at byte {payloadStart}";
                    return false;
                }

                payloadStart = _offset;
                if (!Skip((int)length, number))
                {
                    return false;
                }

                break;
            default:
                Error = $"unsupported wire type {wireType} in field {number} at byte {start}";
                return false;
        }

        field = new WireField(number, wireType, _message[start.._offset], _message[payloadStart.._offset]);
        return true;
    }

    private bool Skip(int count, int number)
    {
        if (_message.Length - _offset < count)
        {
            Error = $"field {number} runs past the end of the message ({_message.Length} bytes)";
            return false;
        }

        _offset += count;
        return true;
    }

    private bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_offset >= _message.Length)
            {
                Error = $"truncated varint at byte {_offset}";
                return false;
            }

            var b = _message[_offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        Error = $"varint longer than 10 bytes at byte {_offset}";
        return false;
    }
}
