using System.Buffers;
using System.IO.Pipelines;
using Praefect.Server.Transactions;

namespace Praefect.Server.Tests.Transactions;

[TestFixture]
[CancelAfter(30_000)]
public sealed class TeeRequestStreamTests
{
    [Test]
    public async Task Read_PrefixThenRest_SecondariesGetOnlyTheRestAndTheEnd()
    {
        var secondary = new Pipe();
        var tee = new TeeRequestStream(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]), prefixLength: 3, [secondary.Writer]);

        var primary = new MemoryStream();
        var buffer = new byte[2];
        int read;
        while ((read = await tee.ReadAsync(buffer)) > 0)
        {
            primary.Write(buffer, 0, read);
        }

        using var copied = new MemoryStream();
        await secondary.Reader.AsStream().CopyToAsync(copied);
        Assert.That(primary.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
        Assert.That(copied.ToArray(), Is.EqualTo(new byte[] { 4, 5, 6, 7, 8 }), "the secondary's stream ended after the client's");
    }

    [Test]
    public async Task Read_ZeroByteRead_DoesNotEndTheSecondariesStreams()
    {
        var secondary = new Pipe();
        var tee = new TeeRequestStream(new MemoryStream([1, 2]), prefixLength: 0, [secondary.Writer]);

        Assert.That(await tee.ReadAsync(Memory<byte>.Empty), Is.Zero);
        Assert.That(await tee.ReadAsync(new byte[8]), Is.EqualTo(2));

        var result = await secondary.Reader.ReadAsync();
        Assert.That((result.Buffer.ToArray(), result.IsCompleted), Is.EqualTo((new byte[] { 1, 2 }, false)), "a zero-byte read (YARP waiting for data) is not the end");
    }

    [Test]
    public async Task Read_SecondaryGone_DroppedWhileThePrimaryKeepsReading()
    {
        var gone = new Pipe();
        var kept = new Pipe();
        await gone.Reader.CompleteAsync();
        var tee = new TeeRequestStream(new MemoryStream([1, 2, 3]), prefixLength: 0, [gone.Writer, kept.Writer]);

        Assert.That(await tee.ReadAsync(new byte[8]), Is.EqualTo(3));

        var result = await kept.Reader.ReadAsync();
        Assert.That(result.Buffer.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }
}
