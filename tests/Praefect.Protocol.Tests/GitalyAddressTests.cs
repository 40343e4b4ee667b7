using System.Net.Sockets;
using Praefect.Protocol.Addressing;

namespace Praefect.Protocol.Tests;

public sealed class GitalyAddressTests
{
    [TestCase("tcp://gitaly1.internal:8075", "http://gitaly1.internal:8075")]
    [TestCase("tls://gitaly1.internal:9999", "https://gitaly1.internal:9999")]
    [TestCase("tcp://[::1]:8075", "http://[::1]:8075")]
    [TestCase("unix:/var/opt/gitlab/gitaly/gitaly.socket", "http://localhost")]
    [TestCase("unix:///var/opt/gitlab/gitaly/gitaly.socket", "http://localhost")]
    public void TryParse_SupportedAddress_DialUri(string text, string uri)
    {
        Assert.That(GitalyAddress.TryParse(text, out var address, out var error), Is.True, error);
        Assert.That(address.DialUri, Is.EqualTo(uri));
    }

    [TestCase("tcp://gitaly1.internal:8075")]
    [TestCase("tls://10.0.0.1:9999")]
    [TestCase("tcp://[::1]:8075")]
    [TestCase("unix:/run/gitaly.socket")]
    public void ToString_ParsedAddress_FormatsTheSameText(string text)
    {
        GitalyAddress.TryParse(text, out var address, out _);

        Assert.That(address.ToString(), Is.EqualTo(text));
    }

    [Test]
    public void TryParse_UnixSocket_KeepsThePath()
    {
        GitalyAddress.TryParse("unix:/run/gitaly.socket", out var address, out _);

        Assert.That((address.IsUnixSocket, address.SocketPath, address.EndPoint.ToString()), Is.EqualTo((true, "/run/gitaly.socket", "/run/gitaly.socket")));
    }

    [Test]
    public void TryParse_SameTextTwice_EqualValues()
    {
        GitalyAddress.TryParse("tcp://gitaly:8075", out var first, out _);
        GitalyAddress.TryParse("tcp://gitaly:8075", out var second, out _);
        GitalyAddress.TryParse("tcp://gitaly:8076", out var other, out _);

        Assert.That((first == second, first == other), Is.EqualTo((true, false)));
    }

    [TestCase("unix:relative.socket", "'unix:relative.socket' is not a valid unix socket address; use an absolute path like 'unix:/var/opt/gitlab/gitaly/gitaly.socket'")]
    [TestCase("unix:/with space", "'unix:/with space' is not a valid unix socket address; use an absolute path like 'unix:/var/opt/gitlab/gitaly/gitaly.socket'")]
    [TestCase("unix:/tab\tin/path", "'unix:/tab\tin/path' is not a valid unix socket address; use an absolute path like 'unix:/var/opt/gitlab/gitaly/gitaly.socket'")]
    [TestCase("http://gitaly:8075", "'http://gitaly:8075' has no supported scheme; use 'tcp://host:port', 'tls://host:port' or 'unix:/path'")]
    [TestCase("10.0.0.2:8075", "'10.0.0.2:8075' has no supported scheme; use 'tcp://host:port', 'tls://host:port' or 'unix:/path'")]
    [TestCase("tcp://gitaly:port", "'tcp://gitaly:port' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    [TestCase("tcp://:8075", "'tcp://:8075' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    [TestCase("tls://gitaly", "'tls://gitaly' is not host:port; use e.g. 'tls://gitaly1.internal:8075'")]
    [TestCase("tcp://gitaly:0", "'tcp://gitaly:0' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    [TestCase("tcp://gitaly:70000", "'tcp://gitaly:70000' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    [TestCase("tcp://::1:8075", "'tcp://::1:8075' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    [TestCase("tcp://-bad:8075", "'tcp://-bad:8075' is not host:port; use e.g. 'tcp://gitaly1.internal:8075'")]
    public void TryParse_BadAddress_ErrorSaysHowToFix(string text, string expected)
    {
        Assert.That(GitalyAddress.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(expected));
    }

    [TestCase("localhost:2305", "localhost", 2305, false)]
    [TestCase(":2305", "", 2305, true)]
    [TestCase("tcp://127.0.0.1:0", "127.0.0.1", 0, false)]
    [TestCase("[::]:3305", "::", 3305, false)]
    public void TryParseListen_HostPort_HostAndPort(string text, string host, int port, bool anyHost)
    {
        Assert.That(GitalyAddress.TryParseListen(text, out var address, out var error), Is.True, error);
        Assert.That((address.Host, address.Port, address.IsAnyHost), Is.EqualTo((host, port, anyHost)));
    }

    [TestCase("2305")]
    [TestCase("localhost")]
    [TestCase("localhost:port")]
    [TestCase("localhost:123456")]
    [TestCase("tls://localhost:2305")]
    [TestCase("[not-v6]:2305")]
    public void TryParseListen_NotHostPort_ErrorWithExample(string text)
    {
        Assert.That(GitalyAddress.TryParseListen(text, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo($"'{text}' is not host:port; use e.g. 'localhost:2305' or '0.0.0.0:2305'"));
    }

    [TestCase(":2305", "http://127.0.0.1:2305")]
    [TestCase("0.0.0.0:2305", "http://127.0.0.1:2305")]
    [TestCase("[::]:2305", "http://[::1]:2305")]
    [TestCase("praefect.internal:2305", "http://praefect.internal:2305")]
    public void ForLocalClient_WildcardListener_DialsLoopback(string listen, string uri)
    {
        GitalyAddress.TryParseListen(listen, out var address, out _);

        Assert.That(address.ForLocalClient().DialUri, Is.EqualTo(uri));
    }

    [TestCase("localhost", true)]
    [TestCase("127.0.0.2", true)]
    [TestCase("[::1]", true)]
    [TestCase("::1", true)]
    [TestCase("10.0.0.1", false)]
    [TestCase("", false)]
    public void IsLoopbackHost_Host_OnlyThisMachine(string host, bool loopback)
    {
        Assert.That(GitalyAddress.IsLoopbackHost(host), Is.EqualTo(loopback));
    }

    [Test]
    public void ConnectUnixSocketAsync_NoSocketFile_ThrowsSocketException()
    {
        var path = Path.Combine(Path.GetTempPath(), "praefect-no-such-" + Guid.NewGuid().ToString("N") + ".socket");

        Assert.ThrowsAsync<SocketException>(async () => await GitalyChannels.ConnectUnixSocketAsync(path, CancellationToken.None));
    }

    [Test]
    public void Open_NotAnAddress_ArgumentExceptionWithTheParserMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => GitalyChannels.Open("gitaly:8075"));

        Assert.That(error!.Message, Does.StartWith("'gitaly:8075' has no supported scheme"));
    }
}
