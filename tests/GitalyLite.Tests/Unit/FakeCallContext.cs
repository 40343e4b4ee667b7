using Grpc.Core;

namespace GitalyLite.Tests.Unit;

/// <summary>A server call context for calling gitaly-lite's per-call code in-process: headers, peer and cancellation only.</summary>
internal sealed class FakeCallContext(Metadata headers, string peer, CancellationToken cancellationToken) : ServerCallContext
{
    protected override string MethodCore => "/gitaly.RepositoryService/WriteRef";
    protected override string HostCore => "localhost";
    protected override string PeerCore => peer;
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore => headers;
    protected override CancellationToken CancellationTokenCore => cancellationToken;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, new Dictionary<string, List<AuthProperty>>());

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
