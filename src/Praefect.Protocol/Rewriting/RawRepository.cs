using System.Buffers;
using System.Text;
using Praefect.Protocol.Registry;

namespace Praefect.Protocol.Rewriting;

/// <summary>
/// Reads and rewrites <c>Repository.storage_name</c> inside a serialized request message by field
/// path, splicing bytes instead of parsing the whole request: every other field, unknown fields
/// included, is copied verbatim, and only the enclosing lengths are re-encoded. Every occurrence
/// of the path is handled, since protobuf merges repeated occurrences of a message field.
/// Malformed input gives false and an error, never an exception.
/// </summary>
public static class RawRepository
{
    private const int StorageNameField = 2;
    private const int RelativePathField = 3;

    /// <summary>Reads the Repository at <paramref name="path"/>; <paramref name="repository"/> is null when the message has none.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, FieldPath path, out RepositoryRef? repository, out string error)
    {
        repository = null;
        string? storage = null;
        string? relativePath = null;
        var found = false;
        if (!Visit(message, path.Numbers, 0, ref storage, ref relativePath, ref found, out error))
        {
            return false;
        }

        if (found)
        {
            repository = new RepositoryRef(storage ?? "", relativePath ?? "");
        }

        return true;
    }

    /// <summary>Reads the string field at <paramref name="path"/> (e.g. a server-scoped storage_name); the last occurrence wins, as protobuf merges them. <paramref name="value"/> is empty when the message has none.</summary>
    public static bool TryReadString(ReadOnlySpan<byte> message, FieldPath path, out string value, out string error)
    {
        value = "";
        var current = message;
        for (var depth = 0; depth < path.Numbers.Count; depth++)
        {
            var reader = new WireReader(current);
            var found = false;
            ReadOnlySpan<byte> payload = default;
            while (reader.TryNext(out var field))
            {
                if (field.Number != path.Numbers[depth])
                {
                    continue;
                }

                if (!field.IsLengthDelimited)
                {
                    error = $"cannot read field {path}: field {field.Number} is not {(depth == path.Numbers.Count - 1 ? "a string" : "a message")}";
                    return false;
                }

                found = true;
                payload = field.Payload;
            }

            if (reader.Error is not null)
            {
                error = $"cannot read field {path}: {reader.Error}";
                return false;
            }

            if (!found)
            {
                error = "";
                return true;
            }

            current = payload;
        }

        value = Encoding.UTF8.GetString(current);
        error = "";
        return true;
    }

    /// <summary>Rewrites storage_name of the Repository at <paramref name="path"/> from <paramref name="fromStorage"/> to <paramref name="toStorage"/>.</summary>
    public static bool TryRewriteStorage(ReadOnlySpan<byte> message, FieldPath path, string fromStorage, string toStorage, out byte[] rewritten, out string error)
    {
        return TryRewriteStorage(message, path, fromStorage, toStorage, pool: null, out rewritten, out _, out error);
    }

    /// <summary>
    /// Rewrites storage_name like <see cref="TryRewriteStorage(ReadOnlySpan{byte}, FieldPath, string, string, out byte[], out string)"/>,
    /// into a buffer rented from <paramref name="pool"/> (the caller returns it) holding <paramref name="length"/> bytes:
    /// the names are encoded on the stack and the message is written once, so the call allocates nothing.
    /// With a null pool the buffer is a new array of exactly <paramref name="length"/> bytes.
    /// </summary>
    public static bool TryRewriteStorage(ReadOnlySpan<byte> message, FieldPath path, string fromStorage, string toStorage, ArrayPool<byte>? pool,
        out byte[] rewritten, out int length, out string error)
    {
        Span<byte> from = Encoding.UTF8.GetMaxByteCount(fromStorage.Length) <= 512 ? stackalloc byte[512] : new byte[Encoding.UTF8.GetMaxByteCount(fromStorage.Length)];
        Span<byte> to = Encoding.UTF8.GetMaxByteCount(toStorage.Length) <= 512 ? stackalloc byte[512] : new byte[Encoding.UTF8.GetMaxByteCount(toStorage.Length)];
        from = from[..Encoding.UTF8.GetBytes(fromStorage, from)];
        to = to[..Encoding.UTF8.GetBytes(toStorage, to)];
        length = StorageRewriter.Measure(message, path.Numbers, 0, from, to.Length, out var problem);
        if (length < 0)
        {
            rewritten = [];
            length = 0;
            error = $"cannot rewrite field {path}: {problem}";
            return false;
        }

        rewritten = pool is null ? new byte[length] : pool.Rent(Math.Max(1, length));
        length = StorageRewriter.Write(message, path.Numbers, 0, from, to, rewritten);
        error = "";
        return true;
    }

    /// <summary>Replaces the string field at <paramref name="path"/> (e.g. a server-scoped storage_name) with <paramref name="value"/>.</summary>
    public static bool TryRewriteString(ReadOnlySpan<byte> message, FieldPath path, string value, out byte[] rewritten, out string error) =>
        TryRewrite(message, path, out rewritten, out error, (output, field) =>
        {
            if (!field.IsLengthDelimited)
            {
                return $"field {field.Number} is not a string";
            }

            WireWriter.WriteString(output, field.Number, value);
            return null;
        });

    /// <summary>Writes the replacement of one field at the end of the path; returns an error or null.</summary>
    private delegate string? LeafRewriter(ArrayBufferWriter<byte> output, WireField field);

    private static bool TryRewrite(ReadOnlySpan<byte> message, FieldPath path, out byte[] rewritten, out string error, LeafRewriter leaf)
    {
        var output = new ArrayBufferWriter<byte>(message.Length + 64);
        var problem = Rewrite(message, path.Numbers, 0, output, leaf);
        if (problem is not null)
        {
            rewritten = [];
            error = $"cannot rewrite field {path}: {problem}";
            return false;
        }

        rewritten = output.WrittenSpan.ToArray();
        error = "";
        return true;
    }

    private static string? Rewrite(ReadOnlySpan<byte> message, IReadOnlyList<int> path, int depth, ArrayBufferWriter<byte> output, LeafRewriter leaf)
    {
        var reader = new WireReader(message);
        while (reader.TryNext(out var field))
        {
            if (field.Number != path[depth])
            {
                output.Write(field.Whole);
                continue;
            }

            if (depth == path.Count - 1)
            {
                var leafProblem = leaf(output, field);
                if (leafProblem is not null)
                {
                    return leafProblem;
                }

                continue;
            }

            if (!field.IsLengthDelimited)
            {
                return $"field {field.Number} is not a message";
            }

            var inner = new ArrayBufferWriter<byte>(field.Payload.Length + 64);
            var problem = Rewrite(field.Payload, path, depth + 1, inner, leaf);
            if (problem is not null)
            {
                return problem;
            }

            WireWriter.WriteLengthDelimited(output, field.Number, inner.WrittenSpan);
        }

        return reader.Error;
    }

    private static bool Visit(ReadOnlySpan<byte> message, IReadOnlyList<int> path, int depth, ref string? storage, ref string? relativePath, ref bool found, out string error)
    {
        var reader = new WireReader(message);
        while (reader.TryNext(out var field))
        {
            if (field.Number != path[depth])
            {
                continue;
            }

            if (!field.IsLengthDelimited)
            {
                error = $"cannot read field {string.Join('.', path)}: field {field.Number} is not a message";
                return false;
            }

            if (depth < path.Count - 1)
            {
                if (!Visit(field.Payload, path, depth + 1, ref storage, ref relativePath, ref found, out error))
                {
                    return false;
                }

                continue;
            }

            found = true;
            var repo = new WireReader(field.Payload);
            while (repo.TryNext(out var repoField))
            {
                if (repoField.IsLengthDelimited && repoField.Number == StorageNameField)
                {
                    storage = Encoding.UTF8.GetString(repoField.Payload);
                }
                else if (repoField.IsLengthDelimited && repoField.Number == RelativePathField)
                {
                    relativePath = Encoding.UTF8.GetString(repoField.Payload);
                }
            }

            if (repo.Error is not null)
            {
                error = $"cannot read field {string.Join('.', path)}: malformed Repository: {repo.Error}";
                return false;
            }
        }

        if (reader.Error is not null)
        {
            error = $"cannot read field {string.Join('.', path)}: {reader.Error}";
            return false;
        }

        error = "";
        return true;
    }
}
