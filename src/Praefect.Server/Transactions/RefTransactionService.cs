using Grpc.Core;
using Praefect.Protocol.Transactions;

namespace Praefect.Server.Transactions;

/// <summary>
/// <c>gitaly.RefTransaction/VoteTransaction</c>, answered by praefect itself on its listeners (never
/// proxied, see <see cref="Proxy.ProxyMiddleware.AnsweredLocally"/>), authenticated like every call. The
/// answer comes when the vote's subtransaction is decided.
/// </summary>
internal sealed class RefTransactionService(TransactionRegistry registry) : RefTransaction.RefTransactionBase
{
    public const string VoteMethod = "/gitaly.RefTransaction/VoteTransaction";

    public override async Task<VoteTransactionResponse> VoteTransaction(VoteTransactionRequest request, ServerCallContext context)
    {
        if (request.Node.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"vote for transaction {request.TransactionId} names no node; set node to the voter's storage name"));
        }

        try
        {
            var result = await registry.VoteAsync(request.TransactionId, request.Node, request.ReferenceUpdatesHash.Memory, context.CancellationToken).ConfigureAwait(false);
            return new VoteTransactionResponse
            {
                State = result == VoteResult.Commit
                    ? VoteTransactionResponse.Types.TransactionState.Commit
                    : VoteTransactionResponse.Types.TransactionState.Abort,
            };
        }
        catch (VoteRefusedException e)
        {
            throw new RpcException(new Status(e.Code, e.Message));
        }
    }
}
