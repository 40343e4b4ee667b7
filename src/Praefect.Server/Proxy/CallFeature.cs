using Grpc.Core;

namespace Praefect.Server.Proxy;

/// <summary>
/// What praefect learned about one call, for its access log line: the router fills in the
/// repository and node, the error reporter the status it produced itself.
/// </summary>
internal sealed class CallFeature
{
    public string? VirtualStorage { get; set; }

    public string? Storage { get; set; }

    public string? RelativePath { get; set; }

    /// <summary>Set when praefect itself ended the call (the response may carry no grpc-status, e.g. after a stream reset).</summary>
    public StatusCode? ProxyStatus { get; set; }
}
