using Grpc.Core;
using Praefect.Protocol.Addressing;
using Praefect.Protocol.Transactions;

namespace GitalyLite.Transactions;

/// <summary>What a transactional call carries: the transaction, the praefect to vote at and its token.</summary>
internal sealed record TransactionHeaders(ReferenceTransaction Transaction, PraefectServer Server, GitalyAddress Praefect)
{
    /// <summary>
    /// Null when the call carries neither header (not transactional: nothing changes). Both or
    /// neither: one without the other, or a value that does not decode, fails the call with
    /// InvalidArgument naming the header (never its value: the praefect-server one holds a token).
    /// </summary>
    public static TransactionHeaders? Read(string rpc, ServerCallContext context)
    {
        var transactionValue = context.RequestHeaders.GetValue(ReferenceTransaction.HeaderName);
        var serverValue = context.RequestHeaders.GetValue(PraefectServer.HeaderName);
        if (transactionValue is null && serverValue is null)
        {
            return null;
        }

        if (!ReferenceTransaction.TryDecode(transactionValue, out var transaction, out var error))
        {
            throw Invalid(rpc, error + (transactionValue is null ? $" (it must come with {PraefectServer.HeaderName})" : ""));
        }

        if (string.IsNullOrEmpty(transaction!.Node))
        {
            throw Invalid(rpc, $"the {ReferenceTransaction.HeaderName} header has an empty \"node\": praefect must name the voting storage");
        }

        if (!PraefectServer.TryDecode(serverValue, out var server, out error))
        {
            throw Invalid(rpc, error + (serverValue is null ? $" (it must come with {ReferenceTransaction.HeaderName})" : ""));
        }

        if (!PraefectEndpoint.TryResolve(server!, context.Peer ?? "", out var praefect, out error))
        {
            throw Invalid(rpc, $"the {PraefectServer.HeaderName} header {error}");
        }

        return new TransactionHeaders(transaction, server!, praefect);
    }

    private static RpcException Invalid(string rpc, string message) => new(new Status(StatusCode.InvalidArgument, $"{rpc}: {message}"));
}
