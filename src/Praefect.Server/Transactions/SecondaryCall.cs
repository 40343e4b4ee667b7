using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Praefect.Server.Nodes;

namespace Praefect.Server.Transactions;

/// <summary>
/// A transactional mutator's call on one secondary, as raw HTTP/2 on the node's pooled connections (its
/// token set by the node's handler): its own first frame, then the client's stream through <see cref="Pipe"/>.
/// The answer is read and dropped; the outcome is the grpc-status the node ended with.
/// </summary>
internal sealed class SecondaryCall
{
    private static readonly PipeOptions Options = new(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false);

    private SecondaryCall(NodeConnection node)
    {
        Node = node;
    }

    public NodeConnection Node { get; }

    public Pipe Pipe { get; } = new(Options);

    public Task<SecondaryOutcome> Outcome { get; private set; } = null!;

    public static SecondaryCall Start(NodeConnection node, string path, byte[] firstMessage, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        var call = new SecondaryCall(node);
        var frame = call.Pipe.Writer.GetSpan(5 + firstMessage.Length);
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame[1..], (uint)firstMessage.Length);
        firstMessage.CopyTo(frame[5..]);
        call.Pipe.Writer.Advance(5 + firstMessage.Length);
        call.Outcome = call.RunAsync(path, headers, cancellationToken);
        return call;
    }

    private async Task<SecondaryOutcome> RunAsync(string path, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        await Pipe.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        using var lease = Node.Acquire();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Node.DestinationPrefix.TrimEnd('/') + path)
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new StreamContent(Pipe.Reader.AsStream()),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            request.Headers.TryAddWithoutValidation("te", "trailers");
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await Node.HttpInvoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
            var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message") ?? "";
            return status == "0"
                ? SecondaryOutcome.Ok
                : new SecondaryOutcome(false, $"answered grpc-status {status ?? $"none (HTTP {(int)response.StatusCode})"}: {Uri.UnescapeDataString(message)}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            return new SecondaryOutcome(false, cancellationToken.IsCancellationRequested ? "did not finish in time" : "failed: " + e.Message);
        }
        finally
        {
            await Pipe.Reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
