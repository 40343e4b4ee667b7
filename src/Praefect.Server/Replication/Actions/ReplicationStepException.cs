using Grpc.Core;

namespace Praefect.Server.Replication.Actions;

/// <summary>
/// A node call of a job failed: names the node (source or target) and the step, so the executor can
/// tell an unreachable source from an unreachable target.
/// </summary>
internal sealed class ReplicationStepException(ReplicationNode node, string step, RpcException inner)
    : Exception($"{step} on \"{node.Storage}\": {inner.StatusCode}: {inner.Status.Detail}", inner)
{
    /// <summary>The node whose call failed.</summary>
    public ReplicationNode Node { get; } = node;

    /// <summary>The RPC that failed, e.g. FetchInternalRemote.</summary>
    public string Step { get; } = step;

    /// <summary>The node's error.</summary>
    public RpcException Rpc { get; } = inner;
}
