using Praefect.Protocol.Metadata;

namespace Praefect.Protocol.Tests;

public class GitalyServersTests
{
    [Test]
    public void EncodeThenDecode_RoundTrips()
    {
        var servers = new Dictionary<string, GitalyServerInfo> { ["praefect-git-1"] = new("tcp://127.0.0.1:8075", "token1") };
        var value = GitalyServers.Encode(servers);

        Assert.That(GitalyServers.DecodeToJson(value), Is.EqualTo("{\"praefect-git-1\":{\"address\":\"tcp://127.0.0.1:8075\",\"token\":\"token1\"}}"));
        Assert.That(GitalyServers.TryDecode(value, out var decoded, out var error), Is.True, error);
        Assert.That(decoded["praefect-git-1"], Is.EqualTo(servers["praefect-git-1"]));
    }

    [TestCase(null, "the gitaly-servers header is missing")]
    [TestCase("not base64!", "the gitaly-servers header is not valid base64")]
    [TestCase("bnVsbA==", "the gitaly-servers header is empty")]
    [TestCase("e30x", "the gitaly-servers header is not valid JSON")]
    public void TryDecode_BadValue_SaysWhy(string? value, string expected)
    {
        Assert.That(GitalyServers.TryDecode(value, out _, out var error), Is.False);
        Assert.That(error, Does.StartWith(expected));
    }
}
