using Praefect.Protocol.Auth;

namespace Praefect.Protocol.Tests;

public class GitalyTokenTests
{
    private const string Secret = "super_secret_abc";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Test]
    public void Verify_V2TokenNow_Succeeds()
    {
        var result = GitalyToken.Verify(GitalyToken.CreateV2(Secret, Now), Secret, Now);
        Assert.That(result, Is.EqualTo(new AuthResult(AuthFailure.None, "v2")));
    }

    [TestCase(30, AuthFailure.None)]
    [TestCase(31, AuthFailure.Expired)]
    [TestCase(-30, AuthFailure.None)]
    [TestCase(-31, AuthFailure.FromTheFuture)]
    public void Verify_V2AtSkewBoundary_GivesExpectedResult(int ageSeconds, AuthFailure expected)
    {
        var token = GitalyToken.CreateV2(Secret, Now.AddSeconds(-ageSeconds));
        Assert.That(GitalyToken.Verify(token, Secret, Now).Failure, Is.EqualTo(expected));
    }

    [Test]
    public void Verify_V2WithOtherSecret_IsWrongSignature()
    {
        var result = GitalyToken.Verify(GitalyToken.CreateV2("other", Now), Secret, Now);
        Assert.That(result.Failure, Is.EqualTo(AuthFailure.WrongSignature));
        Assert.That(result.IsUnauthenticated, Is.False);
    }

    [Test]
    public void Verify_V2KnownVector_MatchesGitalyFormat()
    {
        // HMAC-SHA256("super_secret_abc", "1700000000"), computed independently with openssl.
        var token = GitalyToken.CreateV2(Secret, Now);
        Assert.That(token, Is.EqualTo("Bearer v2.b3ece305bde545f24d3f4a224a9504cd38bf92375a55b4d5d3cbfdaf07b8ca75.1700000000"));
    }

    [TestCase(null, AuthFailure.Missing)]
    [TestCase("", AuthFailure.Missing)]
    [TestCase("Basic abc", AuthFailure.Missing)]
    [TestCase("Bearer ", AuthFailure.Missing)]
    [TestCase("Bearer v3.abc.123", AuthFailure.UnknownVersion)]
    [TestCase("Bearer v2.abc.123", AuthFailure.Malformed)]
    [TestCase("Bearer v2.0000000000000000000000000000000000000000000000000000000000000000.notanumber", AuthFailure.Malformed)]
    [TestCase("Bearer d3Jvbmc=", AuthFailure.WrongSignature)]
    public void Verify_BadHeader_GivesReason(string? header, AuthFailure expected)
    {
        Assert.That(GitalyToken.Verify(header, Secret, Now).Failure, Is.EqualTo(expected));
    }

    [Test]
    public void Verify_V1Token_Succeeds()
    {
        var result = GitalyToken.Verify(GitalyToken.CreateV1(Secret), Secret, Now);
        Assert.That(result, Is.EqualTo(new AuthResult(AuthFailure.None, "v1")));
        Assert.That(GitalyToken.CreateV1(Secret), Is.EqualTo("Bearer c3VwZXJfc2VjcmV0X2FiYw=="));
    }

    [Test]
    public void Message_NeverContainsTheToken()
    {
        foreach (AuthFailure failure in Enum.GetValues<AuthFailure>())
        {
            Assert.That(new AuthResult(failure, "v2").Message, Does.Not.Contain(Secret));
        }
    }
}
