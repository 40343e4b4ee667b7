using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using Praefect.Server.Proxy;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Proxy;

public sealed class FirstMessageTests
{
    private static readonly TimeSpan Timeout = Wait.Patient;

    [Test]
    public async Task ReadAsync_FrameSplitAcrossWrites_WholeMessageAndTheRestStaysInThePipe()
    {
        var pipe = new Pipe();
        var frame = FirstMessage.Frame([1, 2, 3, 4, 5, 6]);
        var reading = FirstMessage.ReadAsync(pipe.Reader, null, CancellationToken.None).AsTask();
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 3));
        await pipe.Writer.WriteAsync(frame.AsMemory(3));
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0, 0, 1, 9 });
        await pipe.Writer.CompleteAsync();

        var (message, error) = await reading.WaitAsync(Timeout);
        var rest = await pipe.Reader.ReadAsync();

        Assert.That(error, Is.Empty);
        Assert.That(message!.Message, Is.EqualTo(new byte[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(rest.Buffer.ToArray(), Is.EqualTo(new byte[] { 0, 0, 0, 0, 1, 9 }));
    }

    [Test]
    public async Task ReadAsync_EmptyStream_NotPresent()
    {
        var pipe = new Pipe();
        await pipe.Writer.CompleteAsync();

        var (message, error) = await FirstMessage.ReadAsync(pipe.Reader, null, CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.That((message!.IsPresent, error), Is.EqualTo((false, "")));
    }

    [Test]
    public async Task ReadAsync_StreamEndsInsideTheFrame_Error()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0, 0, 10, 1, 2 });
        await pipe.Writer.CompleteAsync();

        var (message, error) = await FirstMessage.ReadAsync(pipe.Reader, null, CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.That(message, Is.Null);
        Assert.That(error, Is.EqualTo("the request stream ended inside its first message (7 bytes of a gRPC frame)"));
    }

    [Test]
    public async Task ReadAsync_DeclaredLengthOverTheCap_ErrorWithoutBuffering()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0x7F, 0xFF, 0xFF, 0xFF });

        var (message, error) = await FirstMessage.ReadAsync(pipe.Reader, null, CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.That(message, Is.Null);
        Assert.That(error, Is.EqualTo($"the first request message is 2147483647 bytes; praefect reads at most {FirstMessage.MaxLength} bytes to route a call"));
    }

    [Test]
    public async Task ReadAsync_GzipCompressedMessage_Decompressed()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write([7, 7, 7, 7]);
        }

        var frame = FirstMessage.Frame(compressed.ToArray());
        frame[0] = 1;
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(frame);

        var (message, error) = await FirstMessage.ReadAsync(pipe.Reader, "gzip", CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.That(error, Is.Empty);
        Assert.That(message!.Message, Is.EqualTo(new byte[] { 7, 7, 7, 7 }));
    }

    [Test]
    public async Task ReadAsync_UnknownCompression_Error()
    {
        var frame = FirstMessage.Frame([1]);
        frame[0] = 1;
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(frame);

        var (message, error) = await FirstMessage.ReadAsync(pipe.Reader, "snappy", CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.That(message, Is.Null);
        Assert.That(error, Is.EqualTo("the first request message is compressed with 'snappy', which praefect cannot read; use gzip, deflate or no compression"));
    }
}
