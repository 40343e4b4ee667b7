using Grpc.Core;

namespace Praefect.Server.Replication;

/// <summary>
/// How the replicator reaches one node: a call invoker that already authenticates with the node's
/// token, and the address and token to name it in another node's <c>gitaly-servers</c> header.
/// </summary>
internal sealed record ReplicationNode(string Storage, string Address, string Token, CallInvoker Invoker);
