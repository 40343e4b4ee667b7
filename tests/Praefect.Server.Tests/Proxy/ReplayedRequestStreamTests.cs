using System.Buffers;
using System.IO.Pipelines;
using Praefect.Server.Proxy;

namespace Praefect.Server.Tests.Proxy;

public sealed class ReplayedRequestStreamTests
{
    [Test]
    public async Task ReadAsync_TinyReads_FramedFirstMessageThenTheRestOfThePipe()
    {
        var rented = ArrayPool<byte>.Shared.Rent(3);
        new byte[] { 7, 8, 9 }.CopyTo(rented, 0);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0, 0, 1, 42 });
        await pipe.Writer.CompleteAsync();
        using var stream = new ReplayedRequestStream(rented.AsMemory(0, 3), rented, pipe.Reader);

        var read = new List<byte>();
        var buffer = new byte[2];
        int count;
        while ((count = await stream.ReadAsync(buffer)) > 0)
        {
            read.AddRange(buffer.AsSpan(0, count).ToArray());
        }

        Assert.That(read, Is.EqualTo(new byte[] { 0, 0, 0, 0, 3, 7, 8, 9, 0, 0, 0, 0, 1, 42 }));
    }

    [Test]
    public async Task ReadAsync_OneLargeRead_HeaderAndMessageTogether()
    {
        var pipe = new Pipe();
        await pipe.Writer.CompleteAsync();
        using var stream = new ReplayedRequestStream(new byte[] { 1, 2 }, null, pipe.Reader);
        var buffer = new byte[64];

        var count = await stream.ReadAsync(buffer);

        Assert.That(buffer.AsSpan(0, count).ToArray(), Is.EqualTo(FirstMessage.Frame([1, 2])));
        Assert.That(await stream.ReadAsync(buffer), Is.Zero);
    }
}
