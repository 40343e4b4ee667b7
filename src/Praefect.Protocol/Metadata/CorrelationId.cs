using System.Security.Cryptography;

namespace Praefect.Protocol.Metadata;

/// <summary>
/// The correlation id as Gitaly and labkit carry it in gRPC metadata (<c>x-gitlab-correlation-id</c>, labkit's
/// <c>X-GitLab-Correlation-ID</c> lower-cased as gRPC sends keys), and labkit's shape of a generated one.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "x-gitlab-correlation-id";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

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
