using System.Buffers;
using System.Text;

namespace Praefect.Forwarder.Bench;

/// <summary>The two HPACK (RFC 7541) encodings the raw client writes: prefixed integers and literals without indexing.</summary>
internal static class HpackEncoding
{
    /// <summary>A literal header field without indexing (0000xxxx): the name by static index, or literal when index is 0; no Huffman.</summary>
    public static void WriteLiteral(ArrayBufferWriter<byte> block, int nameIndex, string? name, string value)
    {
        WriteInteger(block, 0x00, 4, nameIndex);
        if (name is not null)
        {
            WriteString(block, name);
        }

        WriteString(block, value);
    }

    public static void WriteInteger(ArrayBufferWriter<byte> block, byte pattern, int prefixBits, int value)
    {
        var mask = (1 << prefixBits) - 1;
        if (value < mask)
        {
            block.Write<byte>([(byte)(pattern | value)]);
            return;
        }

        block.Write<byte>([(byte)(pattern | mask)]);
        value -= mask;
        while (value >= 0x80)
        {
            block.Write<byte>([(byte)((value & 0x7f) | 0x80)]);
            value >>= 7;
        }

        block.Write<byte>([(byte)value]);
    }

    private static void WriteString(ArrayBufferWriter<byte> block, string value)
    {
        WriteInteger(block, 0x00, 7, Encoding.ASCII.GetByteCount(value));
        block.Advance(Encoding.ASCII.GetBytes(value, block.GetSpan(value.Length)));
    }
}
