using System.Buffers.Binary;
using System.Text;

namespace Praefect.Datastore.Sqlite;

/// <summary>
/// Refuses a SQLite file that exists but cannot hold the queue it should (empty, truncated, not a
/// database, or left by an unclean stop without its write-ahead log), so that a damaged file is never
/// taken for a fresh datastore and the queued jobs silently lost. An absent file is a fresh install.
/// </summary>
public static class SqliteFileCheck
{
    /// <summary>What an operator runs to start empty deliberately (the damaged files are kept aside).</summary>
    public const string RecoveryCommand = "praefect-ctl sql-migrate --init";

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>What is wrong with the file at <paramref name="path"/>, or null when it may be opened.</summary>
    public static string? Problem(string path)
    {
        var file = new FileInfo(path);
        var wal = new FileInfo(path + "-wal");
        var shm = new FileInfo(path + "-shm");
        if (!file.Exists)
        {
            return wal.Exists && wal.Length > 0
                ? $"is missing but its write-ahead log {wal.Name} is there ({wal.Length} bytes): the database file was deleted"
                : null;
        }

        if (file.Length == 0)
        {
            return "is empty (0 bytes)";
        }

        var header = new byte[100];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (!header.AsSpan(0, Math.Min(read, Magic.Length)).SequenceEqual(Magic.AsSpan(0, Math.Min(read, Magic.Length))))
        {
            return "is not a SQLite database (it does not start with the SQLite header)";
        }

        if (read < header.Length)
        {
            return $"is truncated ({file.Length} bytes, shorter than the 100-byte SQLite header)";
        }

        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16)) is var size && size == 1 ? 65536 : size;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        var pagesValid = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24)) == BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92));
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            return $"is not a SQLite database (its header names a page size of {pageSize} bytes)";
        }

        if (file.Length % pageSize != 0 || (pagesValid && pages > 0 && file.Length < (long)pageSize * pages))
        {
            return $"is truncated ({file.Length} bytes; its header says {pages} pages of {pageSize} bytes)";
        }

        var walMode = header[18] == 2 && header[19] == 2;
        if (walMode && shm.Exists && !wal.Exists)
        {
            return $"was not closed cleanly and its write-ahead log {Path.GetFileName(path)}-wal is missing (the jobs committed since the last checkpoint are gone)";
        }

        return null;
    }

    /// <summary>
    /// Moves the file and its -wal/-shm aside (renamed <c>.broken-yyyyMMddTHHmmssZ</c>) so that a fresh
    /// datastore can be created; returns the new names.
    /// </summary>
    public static IReadOnlyList<string> MoveAside(string path, DateTimeOffset now)
    {
        var suffix = ".broken-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var moved = new List<string>();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Move(file, file + suffix);
                moved.Add(file + suffix);
            }
        }

        return moved;
    }

    /// <summary>The one line praefect prints when it refuses the file.</summary>
    public static string Refusal(string path, string problem) =>
        $"the SQLite datastore {path} {problem}; refusing to use it rather than lose the replication queue. " +
        $"Restore it from a backup, or start with an empty datastore deliberately with `{RecoveryCommand}` " +
        "(it keeps the damaged files aside, renamed with a .broken-<time> suffix).";
}
