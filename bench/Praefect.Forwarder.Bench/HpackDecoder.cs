using System.Text;

namespace Praefect.Forwarder.Bench;

/// <summary>
/// HPACK (RFC 7541) header block decoding with the static and dynamic tables, without Huffman-coded strings
/// (.NET's encoder, which the gitaly-lite node uses, never writes them; a Huffman string is refused).
/// </summary>
internal sealed class HpackDecoder
{
    private static readonly (string Name, string Value)[] StaticTable =
    [
        (":authority", ""), (":method", "GET"), (":method", "POST"), (":path", "/"), (":path", "/index.html"),
        (":scheme", "http"), (":scheme", "https"), (":status", "200"), (":status", "204"), (":status", "206"),
        (":status", "304"), (":status", "400"), (":status", "404"), (":status", "500"), ("accept-charset", ""),
        ("accept-encoding", "gzip, deflate"), ("accept-language", ""), ("accept-ranges", ""), ("accept", ""),
        ("access-control-allow-origin", ""), ("age", ""), ("allow", ""), ("authorization", ""), ("cache-control", ""),
        ("content-disposition", ""), ("content-encoding", ""), ("content-language", ""), ("content-length", ""),
        ("content-location", ""), ("content-range", ""), ("content-type", ""), ("cookie", ""), ("date", ""),
        ("etag", ""), ("expect", ""), ("expires", ""), ("from", ""), ("host", ""), ("if-match", ""),
        ("if-modified-since", ""), ("if-none-match", ""), ("if-range", ""), ("if-unmodified-since", ""),
        ("last-modified", ""), ("link", ""), ("location", ""), ("max-forwards", ""), ("proxy-authenticate", ""),
        ("proxy-authorization", ""), ("range", ""), ("referer", ""), ("refresh", ""), ("retry-after", ""),
        ("server", ""), ("set-cookie", ""), ("strict-transport-security", ""), ("transfer-encoding", ""),
        ("user-agent", ""), ("vary", ""), ("via", ""), ("www-authenticate", ""),
    ];

    private readonly List<(string Name, string Value)> _dynamicTable = [];
    private int _size;
    private int _maxSize = 4096;

    public List<(string Name, string Value)> Decode(ReadOnlySpan<byte> block)
    {
        var fields = new List<(string, string)>();
        var i = 0;
        while (i < block.Length)
        {
            var first = block[i];
            if ((first & 0x80) != 0)
            {
                fields.Add(Entry(ReadInteger(block, ref i, 7)));
            }
            else if ((first & 0xc0) == 0x40)
            {
                var field = ReadLiteral(block, ref i, 6);
                fields.Add(field);
                Insert(field);
            }
            else if ((first & 0xe0) == 0x20)
            {
                _maxSize = ReadInteger(block, ref i, 5);
                Evict();
            }
            else
            {
                fields.Add(ReadLiteral(block, ref i, 4));
            }
        }

        return fields;
    }

    private (string Name, string Value) ReadLiteral(ReadOnlySpan<byte> block, ref int i, int prefixBits)
    {
        var index = ReadInteger(block, ref i, prefixBits);
        var name = index == 0 ? ReadString(block, ref i) : Entry(index).Name;
        return (name, ReadString(block, ref i));
    }

    private (string Name, string Value) Entry(int index) =>
        index <= StaticTable.Length ? StaticTable[index - 1] : _dynamicTable[index - StaticTable.Length - 1];

    private void Insert((string Name, string Value) field)
    {
        _dynamicTable.Insert(0, field);
        _size += field.Name.Length + field.Value.Length + 32;
        Evict();
    }

    private void Evict()
    {
        while (_size > _maxSize && _dynamicTable.Count > 0)
        {
            var oldest = _dynamicTable[^1];
            _size -= oldest.Name.Length + oldest.Value.Length + 32;
            _dynamicTable.RemoveAt(_dynamicTable.Count - 1);
        }
    }

    private static string ReadString(ReadOnlySpan<byte> block, ref int i)
    {
        if ((block[i] & 0x80) != 0)
        {
            throw new NotSupportedException("a Huffman-coded header string");
        }

        var length = ReadInteger(block, ref i, 7);
        var text = Encoding.ASCII.GetString(block.Slice(i, length));
        i += length;
        return text;
    }

    private static int ReadInteger(ReadOnlySpan<byte> block, ref int i, int prefixBits)
    {
        var mask = (1 << prefixBits) - 1;
        var value = block[i++] & mask;
        if (value < mask)
        {
            return value;
        }

        var shift = 0;
        byte next;
        do
        {
            next = block[i++];
            value += (next & 0x7f) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);
        return value;
    }
}
