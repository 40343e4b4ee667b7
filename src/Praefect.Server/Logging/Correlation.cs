using System.Security.Cryptography;

namespace Praefect.Server.Logging;

/// <summary>
/// The correlation id of the work in progress, as Gitaly and the Go Praefect carry it: taken from the
/// caller's <c>x-gitlab-correlation-id</c> header or generated, sent to the nodes on every call praefect
/// makes for that work (forwarded calls, replication jobs, health checks) and written as
/// <c>correlation_id</c> on every log line of it.
/// </summary>
internal static class Correlation
{
    public const string Header = "x-gitlab-correlation-id";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static readonly AsyncLocal<string?> Flowing = new();

    /// <summary>The id of the call or job this code runs for (flows with async calls); null outside one.</summary>
    public static string? Current
    {
        get => Flowing.Value;
        set => Flowing.Value = value;
    }

    /// <summary>A new id: 26 characters of Crockford base32, like labkit's generated ids.</summary>
    public static string New()
    {
        Span<byte> random = stackalloc byte[26];
        RandomNumberGenerator.Fill(random);
        Span<char> id = stackalloc char[26];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = Alphabet[random[i] & 31];
        }

        return new string(id);
    }
}
