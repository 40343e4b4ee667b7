using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Praefect.Protocol.Auth;

/// <summary>
/// Gitaly's token scheme. v2: <c>Bearer v2.&lt;hex HMAC-SHA256(secret, unix seconds)&gt;.&lt;unix seconds&gt;</c>,
/// valid within <see cref="AllowedSkew"/> either way. v1: <c>Bearer base64(secret)</c>.
/// Comparisons are constant-time.
/// </summary>
public static class GitalyToken
{
    public const string HeaderName = "authorization";
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromSeconds(30);

    /// <summary>The full header value of a v2 token for <paramref name="secret"/> at <paramref name="now"/>.</summary>
    public static string CreateV2(string secret, DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "Bearer v2." + Sign(secret, seconds) + "." + seconds;
    }

    /// <summary>The full header value of a v1 token.</summary>
    public static string CreateV1(string secret) =>
        "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));

    /// <summary>Checks an <c>authorization</c> header value against <paramref name="secret"/>.</summary>
    public static AuthResult Verify(string? headerValue, string secret, DateTimeOffset now)
    {
        const string bearer = "Bearer ";
        if (string.IsNullOrEmpty(headerValue) || !headerValue.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return new AuthResult(AuthFailure.Missing, "");
        }

        var token = headerValue[bearer.Length..].Trim();
        if (token.Length == 0)
        {
            return new AuthResult(AuthFailure.Missing, "");
        }

        if (token.StartsWith("v2.", StringComparison.Ordinal))
        {
            return VerifyV2(token, secret, now);
        }

        if (LooksVersioned(token))
        {
            return new AuthResult(AuthFailure.UnknownVersion, "");
        }

        var expected = Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
        var given = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? new AuthResult(AuthFailure.None, "v1")
            : new AuthResult(AuthFailure.WrongSignature, "v1");
    }

    private static AuthResult VerifyV2(string token, string secret, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length != 64 ||
            !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedAt))
        {
            return new AuthResult(AuthFailure.Malformed, "v2");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, parts[2]));
        var given = Encoding.ASCII.GetBytes(parts[1].ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return new AuthResult(AuthFailure.WrongSignature, "v2");
        }

        var age = now.ToUnixTimeSeconds() - issuedAt;
        if (age > (long)AllowedSkew.TotalSeconds)
        {
            return new AuthResult(AuthFailure.Expired, "v2");
        }

        if (-age > (long)AllowedSkew.TotalSeconds)
        {
            return new AuthResult(AuthFailure.FromTheFuture, "v2");
        }

        return new AuthResult(AuthFailure.None, "v2");
    }

    // "v3.xxx" style: a short version prefix that we do not know.
    private static bool LooksVersioned(string token)
    {
        var dot = token.IndexOf('.');
        return dot is > 1 and <= 4 && token[0] == 'v' && token[1..dot].All(char.IsAsciiDigit);
    }

    private static string Sign(string secret, string seconds)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(seconds));
        return Convert.ToHexStringLower(mac);
    }
}
