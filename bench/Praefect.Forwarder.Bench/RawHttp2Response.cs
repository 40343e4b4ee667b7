namespace Praefect.Forwarder.Bench;

/// <summary>A node's answer to one unary call: HTTP status, the response body and the grpc-* trailers.</summary>
internal sealed record RawHttp2Response(int Status, ReadOnlyMemory<byte> Data, IReadOnlyList<(string Name, string Value)> Trailers);
