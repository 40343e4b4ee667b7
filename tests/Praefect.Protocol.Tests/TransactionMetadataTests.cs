using Praefect.Protocol.Metadata;
using Praefect.Protocol.Transactions;

namespace Praefect.Protocol.Tests;

public class TransactionMetadataTests
{
    [Test]
    public void ReferenceTransaction_EncodesGitalysJsonNames_AndRoundTrips()
    {
        var transaction = new ReferenceTransaction(18446744073709551615, "gitaly-2", Primary: false);
        var value = transaction.Encode();

        Assert.That(Base64JsonHeader.DecodeToJson(value), Is.EqualTo("{\"id\":18446744073709551615,\"node\":\"gitaly-2\",\"primary\":false}"));
        Assert.That(ReferenceTransaction.TryDecode(value, out var decoded, out var error), Is.True, error);
        Assert.That(decoded, Is.EqualTo(transaction));
    }

    [Test]
    public void PraefectServer_EncodesGitalysJsonNames_AndKeepsTheTokenOutOfToString()
    {
        var server = new PraefectServer("127.0.0.1:2305", "", "/var/opt/gitlab/praefect/praefect.socket", "s3cret-token");
        var value = server.Encode();

        Assert.That(Base64JsonHeader.DecodeToJson(value), Is.EqualTo(
            "{\"listen_addr\":\"127.0.0.1:2305\",\"tls_listen_addr\":\"\",\"socket_path\":\"/var/opt/gitlab/praefect/praefect.socket\",\"token\":\"s3cret-token\"}"));
        Assert.That(PraefectServer.TryDecode(value, out var decoded, out var error), Is.True, error);
        Assert.That(decoded, Is.EqualTo(server));
        Assert.That(server.ToString(), Does.Not.Contain("s3cret-token"));
    }

    [TestCase(null, "the gitaly-reference-transaction header is missing")]
    [TestCase("%%%", "the gitaly-reference-transaction header is not valid base64")]
    [TestCase("bnVsbA==", "the gitaly-reference-transaction header is empty")]
    [TestCase("eyJpZCI6LTF9", "the gitaly-reference-transaction header is not valid JSON")]
    public void ReferenceTransaction_BadValue_SaysWhy(string? value, string expected)
    {
        Assert.That(ReferenceTransaction.TryDecode(value, out _, out var error), Is.False);
        Assert.That(error, Does.StartWith(expected));
    }
}
