namespace Praefect.Protocol.Rewriting;

/// <summary>
/// The allocation-free core of <see cref="RawRepository"/>'s storage rewrite, in two passes over the
/// serialized request: <see cref="Measure"/> computes the rewritten size (and finds every problem),
/// <see cref="Write"/> writes the rewritten message into a buffer of that size. Fields off the path
/// are copied verbatim; only the Repository's storage_name (field 2) equal to the old name changes,
/// and the lengths of the messages enclosing it are re-encoded.
/// </summary>
internal static class StorageRewriter
{
    private const int StorageNameField = 2;

    /// <summary>The rewritten size, or -1 with <paramref name="problem"/> set.</summary>
    public static int Measure(ReadOnlySpan<byte> message, IReadOnlyList<int> path, int depth, ReadOnlySpan<byte> from, int toLength, out string? problem)
    {
        var reader = new WireReader(message);
        var size = 0;
        while (reader.TryNext(out var field))
        {
            if (field.Number != path[depth])
            {
                size += field.Whole.Length;
                continue;
            }

            var leaf = depth == path.Count - 1;
            if (!field.IsLengthDelimited)
            {
                problem = leaf ? $"field {field.Number} is not a Repository message" : $"field {field.Number} is not a message";
                return -1;
            }

            var inner = leaf
                ? MeasureRepository(field.Payload, from, toLength, out problem)
                : Measure(field.Payload, path, depth + 1, from, toLength, out problem);
            if (inner < 0)
            {
                return -1;
            }

            size += LengthDelimitedSize(field.Number, inner);
        }

        problem = reader.Error;
        return problem is null ? size : -1;
    }

    /// <summary>Writes the rewritten message (after a successful <see cref="Measure"/>); returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> message, IReadOnlyList<int> path, int depth, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to, Span<byte> output)
    {
        var reader = new WireReader(message);
        var written = 0;
        while (reader.TryNext(out var field))
        {
            if (field.Number != path[depth])
            {
                field.Whole.CopyTo(output[written..]);
                written += field.Whole.Length;
                continue;
            }

            var leaf = depth == path.Count - 1;
            var inner = leaf
                ? MeasureRepository(field.Payload, from, to.Length, out _)
                : Measure(field.Payload, path, depth + 1, from, to.Length, out _);
            written += WriteVarint(output[written..], ((ulong)field.Number << 3) | WireReader.LengthDelimited);
            written += WriteVarint(output[written..], (ulong)inner);
            written += leaf
                ? WriteRepository(field.Payload, from, to, output[written..])
                : Write(field.Payload, path, depth + 1, from, to, output[written..]);
        }

        return written;
    }

    private static int MeasureRepository(ReadOnlySpan<byte> repository, ReadOnlySpan<byte> from, int toLength, out string? problem)
    {
        var reader = new WireReader(repository);
        var size = 0;
        while (reader.TryNext(out var field))
        {
            size += IsOldStorageName(field, from) ? LengthDelimitedSize(StorageNameField, toLength) : field.Whole.Length;
        }

        problem = reader.Error is null ? null : "malformed Repository: " + reader.Error;
        return problem is null ? size : -1;
    }

    private static int WriteRepository(ReadOnlySpan<byte> repository, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to, Span<byte> output)
    {
        var reader = new WireReader(repository);
        var written = 0;
        while (reader.TryNext(out var field))
        {
            if (IsOldStorageName(field, from))
            {
                written += WriteVarint(output[written..], ((ulong)StorageNameField << 3) | WireReader.LengthDelimited);
                written += WriteVarint(output[written..], (ulong)to.Length);
                to.CopyTo(output[written..]);
                written += to.Length;
            }
            else
            {
                field.Whole.CopyTo(output[written..]);
                written += field.Whole.Length;
            }
        }

        return written;
    }

    private static bool IsOldStorageName(WireField field, ReadOnlySpan<byte> from) =>
        field.Number == StorageNameField && field.IsLengthDelimited && field.Payload.SequenceEqual(from);

    private static int LengthDelimitedSize(int number, int payloadLength) =>
        VarintSize(((ulong)number << 3) | WireReader.LengthDelimited) + VarintSize((ulong)payloadLength) + payloadLength;

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private static int WriteVarint(Span<byte> output, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            output[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        output[i++] = (byte)value;
        return i;
    }
}
