using System.Buffers;
using System.Text;

namespace Praefect.Protocol.Rewriting;

/// <summary>Appends protobuf wire-format pieces to a buffer.</summary>
internal static class WireWriter
{
    public static void WriteLengthDelimited(ArrayBufferWriter<byte> output, int number, ReadOnlySpan<byte> payload)
    {
        WriteVarint(output, ((ulong)number << 3) | WireReader.LengthDelimited);
        WriteVarint(output, (ulong)payload.Length);
        output.Write(payload);
    }

    public static void WriteString(ArrayBufferWriter<byte> output, int number, string value) =>
        WriteLengthDelimited(output, number, Encoding.UTF8.GetBytes(value));

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }
}
