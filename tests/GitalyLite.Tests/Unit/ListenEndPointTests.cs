using GitalyLite.Cli;

namespace GitalyLite.Tests.Unit;

public sealed class ListenEndPointTests
{
    [TestCase("127.0.0.1:2305", "127.0.0.1:2305")]
    [TestCase("tcp://127.0.0.1:2305", "127.0.0.1:2305")]
    [TestCase("localhost:0", "127.0.0.1:0")]
    [TestCase("[::1]:8075", "[::1]:8075")]
    [TestCase("0.0.0.0:8075", "0.0.0.0:8075")]
    public void TryParse_ValidAddress_EndPoint(string text, string expected)
    {
        Assert.That(ListenEndPoint.TryParse(text, out var endPoint, out var error), Is.True, error);
        Assert.That(endPoint.ToString(), Is.EqualTo(expected));
    }

    [TestCase("2305")]
    [TestCase(":2305")]
    [TestCase("127.0.0.1:port")]
    [TestCase("127.0.0.1:-1")]
    public void TryParse_NotHostPort_False(string text)
    {
        Assert.That(ListenEndPoint.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo($"listen address '{text}' is not HOST:PORT; write e.g. 127.0.0.1:9999"));
    }
}
