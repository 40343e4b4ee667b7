using System.Collections.Concurrent;
using Grpc.Core;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Proxy;

/// <summary>
/// gRPC method definitions over raw bytes, for calls praefect makes itself with an already
/// serialized request. Unary and server streaming share the wire format, so every call is made as
/// server streaming and the responses are read to the end.
/// </summary>
internal static class RawMethods
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly ConcurrentDictionary<string, Method<byte[], byte[]>> Cache = new(StringComparer.Ordinal);

    public static Method<byte[], byte[]> ServerStreaming(OperationInfo operation) =>
        Cache.GetOrAdd(operation.FullMethod, _ => new Method<byte[], byte[]>(MethodType.ServerStreaming, operation.ServiceName, operation.MethodName, Bytes, Bytes));
}
