namespace Praefect.Server.Proxy;

/// <summary>
/// Why the first request message could not be read: the <see cref="ProxyError"/> (which fixes the gRPC
/// code) and the status message, worded as grpc-go words it so clients see what Gitaly answers.
/// </summary>
internal readonly record struct FirstMessageFailure(ProxyError Error, string Detail)
{
    /// <summary>Larger than the limit, declared or once decompressed: ResourceExhausted.</summary>
    public static FirstMessageFailure TooLarge(string detail) => new(ProxyError.FirstMessageTooLargeClient, detail);

    /// <summary>Truncated, an unknown payload format, or compressed without an encoding: Internal.</summary>
    public static FirstMessageFailure Framing(string detail) => new(ProxyError.FirstMessageFramingClient, detail);

    /// <summary>Compressed with an encoding praefect cannot read: Unimplemented.</summary>
    public static FirstMessageFailure Encoding(string detail) => new(ProxyError.FirstMessageEncodingClient, detail);
}
