namespace Praefect.Server.Proxy;

/// <summary>
/// Why a call could not be forwarded: the stage that failed and the side at fault (the client or
/// the node). <see cref="ProxyErrorReporter"/> is the one place that logs, counts and maps these to
/// a gRPC status.
/// </summary>
internal enum ProxyError
{
    /// <summary>The client named a method praefect does not know. Unimplemented.</summary>
    MethodClient,

    /// <summary>The request stream has no first message although the method needs one to route. InvalidArgument.</summary>
    FirstMessageClient,

    /// <summary>The first request message is larger than the limit, declared or once decompressed. ResourceExhausted.</summary>
    FirstMessageTooLargeClient,

    /// <summary>The first request frame is truncated, of an unknown payload format, or compressed without an encoding. Internal.</summary>
    FirstMessageFramingClient,

    /// <summary>The first request message is compressed with an encoding praefect cannot read. Unimplemented.</summary>
    FirstMessageEncodingClient,

    /// <summary>The request names no usable virtual storage or repository. InvalidArgument.</summary>
    RouteClient,

    /// <summary>The replication scheduler could not record the mutator before forwarding. Unavailable.</summary>
    SchedulerInternal,

    /// <summary>The node could not be reached, or did not answer with response headers. Unavailable.</summary>
    ConnectNode,

    /// <summary>Reading the request from the client failed or was canceled. Canceled.</summary>
    RequestBodyClient,

    /// <summary>Writing the request to the node failed. Unavailable.</summary>
    RequestBodyNode,

    /// <summary>Writing the response to the client failed or was canceled. Canceled.</summary>
    ResponseBodyClient,

    /// <summary>Reading the response from the node failed mid-stream. Unavailable.</summary>
    ResponseBodyNode,

    /// <summary>A secondary node failed a server-scoped mutator; the client still gets the primary's answer.</summary>
    FanoutNode,

    /// <summary>The repository lost writes in a forced failover and rejects writes until accept-dataloss. FailedPrecondition.</summary>
    RepositoryReadOnlyClient,

    /// <summary>A bug or an unexpected exception in praefect. Internal.</summary>
    ProxyInternal,
}
