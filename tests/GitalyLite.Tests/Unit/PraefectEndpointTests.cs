using GitalyLite.Transactions;
using Praefect.Protocol.Transactions;

namespace GitalyLite.Tests.Unit;

public sealed class PraefectEndpointTests
{
    [TestCase("/run/praefect.sock", "10.0.0.5:2305", "", "ipv4:10.0.0.9:1", "unix:/run/praefect.sock")]
    [TestCase("unix:/run/praefect.sock", "", "", "", "unix:/run/praefect.sock")]
    [TestCase("", "10.0.0.5:2305", "10.0.0.5:3305", "ipv4:10.0.0.9:1", "tcp://10.0.0.5:2305")]
    [TestCase("", "tcp://praefect.internal:2305", "", "", "tcp://praefect.internal:2305")]
    [TestCase("", "0.0.0.0:2305", "", "ipv4:10.1.2.3:41234", "tcp://10.1.2.3:2305")]
    [TestCase("", ":2305", "", "ipv6:[::1]:41234", "tcp://[::1]:2305")]
    [TestCase("", "[::]:2305", "", "ipv4:10.1.2.3:41234", "tcp://10.1.2.3:2305")]
    [TestCase("", "0.0.0.0:2305", "", "unix:/run/gitaly.sock", "tcp://127.0.0.1:2305")]
    [TestCase("", "", "praefect.internal:3305", "", "tls://praefect.internal:3305")]
    public void TryResolve_SocketThenListenThenTls_UnspecifiedHostIsThePeer(string socket, string listen, string tls, string peer, string expected)
    {
        var resolved = PraefectEndpoint.TryResolve(new PraefectServer(listen, tls, socket, "t"), peer, out var address, out var error);

        Assert.That(resolved, Is.True, error);
        Assert.That(address.ToString(), Is.EqualTo(expected));
    }

    [TestCase("", "", "", "names no address: set socket_path, listen_addr or tls_listen_addr")]
    [TestCase("", "praefect", "", "listen_addr 'praefect' is not host:port")]
    [TestCase("relative.sock", "", "", "socket_path 'relative.sock' is not a usable address")]
    public void TryResolve_NoUsableAddress_SaysWhichField(string socket, string listen, string tls, string expected)
    {
        var resolved = PraefectEndpoint.TryResolve(new PraefectServer(listen, tls, socket, "t"), "ipv4:127.0.0.1:1", out _, out var error);

        Assert.That(resolved, Is.False);
        Assert.That(error, Does.StartWith(expected));
    }

    [Test]
    public void TryResolve_FieldsMissingFromTheJson_NoAddress()
    {
        Assert.That(PraefectServer.TryDecode(Convert.ToBase64String("{\"token\":\"t\"}"u8.ToArray()), out var server, out _), Is.True);

        Assert.That(PraefectEndpoint.TryResolve(server!, "", out _, out var error), Is.False);
        Assert.That(error, Does.StartWith("names no address"));
    }
}
