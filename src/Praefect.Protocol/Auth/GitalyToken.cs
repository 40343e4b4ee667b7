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

    /// <summary>
    /// Checks an <c>authorization</c> header value against <paramref name="secret"/>. A v2 token (every
    /// call's case) is checked on spans and the stack: no allocation per call.
    /// </summary>
    public static AuthResult Verify(string? headerValue, string secret, DateTimeOffset now)
    {
        const string bearer = "Bearer ";
        if (string.IsNullOrEmpty(headerValue) || !headerValue.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return new AuthResult(AuthFailure.Missing, "");
        }

        var token = headerValue.AsSpan(bearer.Length).Trim();
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
        var given = Encoding.UTF8.GetBytes(token.ToString());
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? new AuthResult(AuthFailure.None, "v1")
            : new AuthResult(AuthFailure.WrongSignature, "v1");
    }

    // v2.<64 hex of HMAC-SHA256(secret, seconds)>.<seconds>
    private static AuthResult VerifyV2(ReadOnlySpan<char> token, string secret, DateTimeOffset now)
    {
        var rest = token[3..];
        var dot = rest.IndexOf('.');
        if (dot != 64 || rest[(dot + 1)..].IndexOf('.') >= 0)
        {
            return new AuthResult(AuthFailure.Malformed, "v2");
        }

        var signature = rest[..dot];
        var seconds = rest[(dot + 1)..];
        if (seconds.Length is 0 or > 19 || !long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var issuedAt))
        {
            return new AuthResult(AuthFailure.Malformed, "v2");
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(signature, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return new AuthResult(AuthFailure.WrongSignature, "v2");
        }

        Span<byte> secondsBytes = stackalloc byte[seconds.Length];
        Encoding.ASCII.GetBytes(seconds, secondsBytes);
        var secretLength = Encoding.UTF8.GetMaxByteCount(secret.Length);
        var rented = secretLength > 256 ? System.Buffers.ArrayPool<byte>.Shared.Rent(secretLength) : null;
        Span<byte> secretBytes = rented is null ? stackalloc byte[256] : rented;
        secretBytes = secretBytes[..Encoding.UTF8.GetBytes(secret, secretBytes)];
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(secretBytes, secondsBytes, expected);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
        else
        {
            CryptographicOperations.ZeroMemory(secretBytes);
        }

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
    private static bool LooksVersioned(ReadOnlySpan<char> token)
    {
        var dot = token.IndexOf('.');
        return dot is > 1 and <= 4 && token[0] == 'v' && !token[1..dot].ContainsAnyExceptInRange('0', '9');
    }

    private static string Sign(string secret, string seconds)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(seconds));
        return Convert.ToHexStringLower(mac);
    }
}
