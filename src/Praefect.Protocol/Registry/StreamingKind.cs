namespace Praefect.Protocol.Registry;

public enum StreamingKind
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}
