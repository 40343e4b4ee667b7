using Grpc.Core;

namespace Praefect.Server.Transactions;

/// <summary>A vote praefect does not count (unknown or ended transaction, a node that is no voter, a malformed hash), with the status the node gets.</summary>
internal sealed class VoteRefusedException(StatusCode code, string message) : Exception(message)
{
    public StatusCode Code { get; } = code;
}
