using Praefect.Server.Configuration;

namespace Praefect.Server.Tests.Configuration;

public sealed class NodeAddressTests
{
    [TestCase("tcp://gitaly1.internal:8075", "http://gitaly1.internal:8075")]
    [TestCase("tls://gitaly1.internal:9999", "https://gitaly1.internal:9999")]
    [TestCase("tcp://[::1]:8075", "http://[::1]:8075")]
    [TestCase("unix:/var/opt/gitlab/gitaly/gitaly.socket", "http://localhost")]
    [TestCase("unix:///var/opt/gitlab/gitaly/gitaly.socket", "http://localhost")]
    public void TryParse_SupportedAddress_DestinationPrefix(string address, string prefix)
    {
        Assert.That(NodeAddress.TryParse(address, out var parsed, out var error), Is.True, error);
        Assert.That(parsed!.DestinationPrefix, Is.EqualTo(prefix));
    }

    [Test]
    public void TryParse_UnixSocket_KeepsThePath()
    {
        NodeAddress.TryParse("unix:/run/gitaly.socket", out var parsed, out _);

        Assert.That((parsed!.IsUnixSocket, parsed.SocketPath), Is.EqualTo((true, "/run/gitaly.socket")));
    }

    [TestCase("unix:relative.socket", "'unix:relative.socket' is not a valid unix socket address; use an absolute path like 'unix:/var/opt/gitlab/gitaly/gitaly.socket'")]
    [TestCase("http://gitaly:8075", "'http://gitaly:8075' has no supported scheme; use 'tcp://host:port', 'tls://host:port' or 'unix:/path'")]
    [TestCase("tcp://gitaly:port", "'tcp://gitaly:port' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    [TestCase("tcp://:8075", "'tcp://:8075' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    public void TryParse_BadAddress_ErrorSaysHowToFix(string address, string expected)
    {
        Assert.That(NodeAddress.TryParse(address, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(expected));
    }
}
