using System.Security.Cryptography;
using System.Text;

namespace GitalyLite.Storage;

/// <summary>
/// Gitaly's repository checksum: the XOR of the SHA-1 of each <c>git show-ref --head</c> line
/// ("&lt;oid&gt; &lt;ref&gt;") whose ref is HEAD or lies under one of <see cref="Namespaces"/>, written as
/// lowercase hex of the big-endian number without leading zero bytes. No such line: forty zeros.
/// </summary>
internal static class RepositoryChecksum
{
    public const string Blank = "0000000000000000000000000000000000000000";

    public static readonly IReadOnlyList<string> Namespaces =
        ["refs/heads/", "refs/tags/", "refs/keep-around/", "refs/merge-requests/", "refs/environments/", "refs/notes/"];

    public static string FromShowRefLines(IEnumerable<string> lines)
    {
        var sum = new byte[SHA1.HashSizeInBytes];
        var counted = false;
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ');
            if (space < 0 || !Counts(line[(space + 1)..]))
            {
                continue;
            }

            var hash = SHA1.HashData(Encoding.UTF8.GetBytes(line));
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] ^= hash[i];
            }

            counted = true;
        }

        return counted ? Convert.ToHexStringLower(sum.SkipWhile(b => b == 0).ToArray()) : Blank;
    }

    private static bool Counts(string reference) =>
        reference == "HEAD" || Namespaces.Any(prefix => reference.StartsWith(prefix, StringComparison.Ordinal));
}
