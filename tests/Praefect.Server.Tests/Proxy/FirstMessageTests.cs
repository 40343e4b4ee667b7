using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using Praefect.Server.Proxy;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Proxy;

public sealed class FirstMessageTests
{
    private const int Limit = 4 * 1024 * 1024;
    private static readonly TimeSpan Timeout = Wait.Patient;

    [Test]
    public async Task ReadAsync_FrameSplitAcrossWrites_WholeMessageAndTheRestStaysInThePipe()
    {
        var pipe = new Pipe();
        var frame = FirstMessage.Frame([1, 2, 3, 4, 5, 6]);
        var reading = FirstMessage.ReadAsync(pipe.Reader, null, Limit, CancellationToken.None).AsTask();
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 3));
        await pipe.Writer.WriteAsync(frame.AsMemory(3));
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0, 0, 1, 9 });
        await pipe.Writer.CompleteAsync();

        var (message, failure) = await reading.WaitAsync(Timeout);
        var rest = await pipe.Reader.ReadAsync();

        Assert.That(failure, Is.EqualTo(default(FirstMessageFailure)));
        Assert.That(message!.Message.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(rest.Buffer.ToArray(), Is.EqualTo(new byte[] { 0, 0, 0, 0, 1, 9 }));
        message.Dispose();
    }

    [Test]
    public async Task ReadAsync_EmptyStream_NotPresent()
    {
        var (message, failure) = await ReadAsync([], null);

        Assert.That((message!.IsPresent, failure), Is.EqualTo((false, default(FirstMessageFailure))));
    }

    [TestCase(new byte[] { 0, 0, 0, 0, 10, 1, 2 }, TestName = "ReadAsync_StreamEndsInsideTheMessage_InternalUnexpectedEof")]
    [TestCase(new byte[] { 0, 0, 0 }, TestName = "ReadAsync_StreamEndsInsideTheHeader_InternalUnexpectedEof")]
    public async Task ReadAsync_Truncated_InternalUnexpectedEof(byte[] input)
    {
        var (message, failure) = await ReadAsync(input, null);

        Assert.That(message, Is.Null);
        Assert.That(failure, Is.EqualTo(new FirstMessageFailure(ProxyError.FirstMessageFramingClient, "unexpected EOF")));
        Assert.That(ProxyErrorReporter.ToStatusCode(failure.Error), Is.EqualTo(Grpc.Core.StatusCode.Internal));
    }

    [Test]
    public async Task ReadAsync_DeclaredLengthOverTheLimit_ResourceExhaustedWithoutBuffering()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF });

        var (message, failure) = await FirstMessage.ReadAsync(pipe.Reader, null, Limit, CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.That(message, Is.Null);
        Assert.That(failure, Is.EqualTo(FirstMessageFailure.TooLarge("grpc: received message larger than max (4294967295 vs. 4194304)")));
        Assert.That(ProxyErrorReporter.ToStatusCode(failure.Error), Is.EqualTo(Grpc.Core.StatusCode.ResourceExhausted));
    }

    [Test]
    public async Task ReadAsync_CompressedFlagWithoutEncoding_InternalAsGrpcGoWordsIt()
    {
        var frame = FirstMessage.Frame([1, 2, 3]);
        frame[0] = 1;

        var (message, failure) = await ReadAsync(frame, null);

        Assert.That(message, Is.Null);
        Assert.That(failure, Is.EqualTo(FirstMessageFailure.Framing("grpc: compressed flag set with identity or empty encoding")));
    }

    [Test]
    public async Task ReadAsync_UnknownPayloadFormat_Internal()
    {
        var frame = FirstMessage.Frame([1]);
        frame[0] = 7;

        var (_, failure) = await ReadAsync(frame, null);

        Assert.That(failure, Is.EqualTo(FirstMessageFailure.Framing("grpc: received unexpected payload format 7")));
    }

    [Test]
    public async Task ReadAsync_GzipCompressedMessage_Decompressed()
    {
        var frame = CompressedFrame([7, 7, 7, 7]);

        var (message, failure) = await ReadAsync(frame, "gzip");

        Assert.That(failure, Is.EqualTo(default(FirstMessageFailure)));
        Assert.That(message!.Message.ToArray(), Is.EqualTo(new byte[] { 7, 7, 7, 7 }));
    }

    [Test]
    public async Task ReadAsync_InflatesToExactlyTheLimit_Accepted()
    {
        var (message, failure) = await ReadAsync(CompressedFrame(new byte[1024]), "gzip", limit: 1024);

        Assert.That(failure, Is.EqualTo(default(FirstMessageFailure)));
        Assert.That(message!.Message.Length, Is.EqualTo(1024));
    }

    [Test]
    public async Task ReadAsync_InflatesPastTheLimit_ResourceExhaustedAndStopsAtTheLimit()
    {
        // 256 MiB of zeros compress to about 256 KB: well under the wire limit, 64 times the message limit.
        var frame = CompressedFrame(new byte[256 * 1024 * 1024]);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var (message, failure) = await ReadAsync(frame, "gzip");

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.That(message, Is.Null);
        Assert.That(failure, Is.EqualTo(FirstMessageFailure.TooLarge("grpc: received message after decompression larger than max 4194304")));
        Assert.That(allocated, Is.LessThan(3L * Limit), "decompression must stop at the limit instead of inflating the whole message");
    }

    [Test]
    public async Task ReadAsync_UnknownCompression_UnimplementedAsGrpcGoWordsIt()
    {
        var frame = FirstMessage.Frame([1]);
        frame[0] = 1;

        var (message, failure) = await ReadAsync(frame, "snappy");

        Assert.That(message, Is.Null);
        Assert.That(failure, Is.EqualTo(FirstMessageFailure.Encoding("grpc: Decompressor is not installed for grpc-encoding \"snappy\"")));
        Assert.That(ProxyErrorReporter.ToStatusCode(failure.Error), Is.EqualTo(Grpc.Core.StatusCode.Unimplemented));
    }

    [Test]
    public async Task ReadAsync_CorruptGzip_InternalFailedToDecompress()
    {
        var frame = FirstMessage.Frame([1, 2, 3, 4]);
        frame[0] = 1;

        var (_, failure) = await ReadAsync(frame, "gzip");

        Assert.That(failure.Error, Is.EqualTo(ProxyError.FirstMessageFramingClient));
        Assert.That(failure.Detail, Does.StartWith("grpc: failed to decompress the received message: "));
    }

    private static async Task<(FirstMessage? Message, FirstMessageFailure Failure)> ReadAsync(byte[] input, string? encoding, int limit = Limit)
    {
        // No back pressure: the whole input is written before the read starts.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(input);
        await pipe.Writer.CompleteAsync();
        return await FirstMessage.ReadAsync(pipe.Reader, encoding, limit, CancellationToken.None).AsTask().WaitAsync(Timeout);
    }

    /// <summary>A gRPC frame with the compressed flag holding <paramref name="message"/> gzipped.</summary>
    internal static byte[] CompressedFrame(byte[] message)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }

        var frame = FirstMessage.Frame(compressed.ToArray());
        frame[0] = 1;
        return frame;
    }
}
