using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Gitaly;
using Google.Protobuf;
using Praefect.Protocol.Auth;
using Praefect.Server.Proxy;
using Praefect.Server.Tests.Proxy;

namespace Praefect.Server.Tests.Integration;

/// <summary>
/// Hostile or broken first frames sent as raw HTTP/2 to a real praefect: each is answered with grpc-go's
/// code and message (what Gitaly and the Go Praefect answer), and a compressed message that inflates far
/// past the 4 MiB limit does not make praefect's memory grow with it. No call reaches a node.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class MalformedFramingTests : ScriptedClusterFixture
{
    private const string Method = "/gitaly.RepositoryService/RepositoryExists";
    private HttpMessageInvoker _http = null!;

    [OneTimeSetUp]
    public void OpenHttp() => _http = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });

    [OneTimeTearDown]
    public void CloseHttp() => _http?.Dispose();

    [Test]
    public async Task Call_TruncatedFirstFrame_InternalUnexpectedEof(CancellationToken cancellationToken)
    {
        var frame = FirstMessage.Frame(Request().ToByteArray());

        var (code, message) = await SendAsync(frame[..^2], encoding: null, cancellationToken);

        Assert.That((code, message), Is.EqualTo((13, "unexpected EOF")));
        Assert.That(NodeA.State.Calls, Is.Empty);
    }

    [Test]
    public async Task Call_FrameDeclaring4GB_ResourceExhaustedAsGrpcGoWordsIt(CancellationToken cancellationToken)
    {
        var (code, message) = await SendAsync([0, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3], encoding: null, cancellationToken);

        Assert.That((code, message), Is.EqualTo((8, "grpc: received message larger than max (4294967295 vs. 4194304)")));
    }

    [Test]
    public async Task Call_CompressedFlagWithoutEncoding_InternalAsGrpcGoWordsIt(CancellationToken cancellationToken)
    {
        var frame = FirstMessage.Frame(Request().ToByteArray());
        frame[0] = 1;

        var (code, message) = await SendAsync(frame, encoding: null, cancellationToken);

        Assert.That((code, message), Is.EqualTo((13, "grpc: compressed flag set with identity or empty encoding")));
    }

    [Test]
    public async Task Call_CompressedFirstMessageInflatingPastTheLimit_ResourceExhaustedAndMemoryStaysBounded(CancellationToken cancellationToken)
    {
        // 256 MiB of zeros gzip to about 256 KB on the wire; inflating them whole would need 256 MiB or more.
        var bomb = FirstMessageTests.CompressedFrame(new byte[256 * 1024 * 1024]);
        var peakBefore = PeakResidentBytes();

        for (var i = 0; i < 4; i++)
        {
            var (code, message) = await SendAsync(bomb, "gzip", cancellationToken);
            Assert.That((code, message), Is.EqualTo((8, "grpc: received message after decompression larger than max 4194304")));
        }

        var growth = PeakResidentBytes() - peakBefore;
        Assert.That(growth, Is.LessThan(64L * 1024 * 1024), $"praefect's peak resident memory grew by {growth / 1024 / 1024} MB");
        Assert.That(NodeA.State.Calls, Is.Empty);
    }

    private static RepositoryExistsRequest Request() => new() { Repository = Repo("project.git") };

    private long PeakResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Praefect.Process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    // One raw gRPC call: the body exactly as given, the status from trailers-only headers or the trailers.
    private async Task<(int Code, string Message)> SendAsync(byte[] body, string? encoding, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{Praefect.Config.ListenAddr}{Method}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation(GitalyToken.HeaderName, GitalyToken.CreateV2(AuthToken, DateTimeOffset.UtcNow));
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers.Contains("grpc-status") ? response.Headers : response.TrailingHeaders;
        var code = int.Parse(headers.GetValues("grpc-status").Single(), CultureInfo.InvariantCulture);
        var message = headers.TryGetValues("grpc-message", out var values) ? Uri.UnescapeDataString(values.Single()) : "";
        return (code, message);
    }
}
