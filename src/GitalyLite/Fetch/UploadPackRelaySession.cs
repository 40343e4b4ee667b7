using Grpc.Core;
using Praefect.Protocol.Metadata;

namespace GitalyLite.Fetch;

/// <summary>
/// One fetch through the <see cref="UploadPackRelay"/>: which node and repository the git client's
/// connection is relayed to, and what the relay learnt (the source's HEAD, its error).
/// </summary>
internal sealed class UploadPackRelaySession(UploadPackRelay relay, string key, GitalyServerInfo source, Gitaly.Repository repository, string url) : IDisposable
{
    public GitalyServerInfo Source => source;

    public Gitaly.Repository Repository => repository;

    /// <summary>The git:// URL for <c>git fetch</c>; its path is this session's secret key.</summary>
    public string Url => url;

    /// <summary>Where the source's HEAD points (from the ref advertisement), or null when it did not say.</summary>
    public string? HeadTarget { get; set; }

    /// <summary>The source's error when the call to it failed (unreachable, not found, ...).</summary>
    public RpcException? SourceError { get; set; }

    /// <summary>What the source's upload-pack wrote to stderr (a few KB at most).</summary>
    public string Stderr { get; set; } = "";

    public void Dispose() => relay.Unregister(key);
}
