using Microsoft.Extensions.Logging;
using Praefect.Server.Replication;

namespace Praefect.Server.Transactions;

/// <summary>
/// The end of a reference transaction, run when the primary's call is over (before the client sees its
/// status): the secondaries' request streams end, their calls get at most the vote timeout to finish, the
/// transaction ends (undecided votes abort), and replication is settled: when the primary's call succeeded
/// and it committed every subtransaction, the secondaries that did the same and answered OK hold the change
/// (generations raised, jobs cancelled); every other secondary (voted differently, failed, timed out) gets its
/// job. Otherwise the replication ticket completes as without transactions.
/// </summary>
internal sealed class TransactionalTicket(
    IReplicationTicket inner,
    TransactionRegistry registry,
    Transaction transaction,
    string primary,
    string virtualStorage,
    string relativePath,
    IReadOnlyList<SecondaryCall> calls,
    TeeRequestStream tee,
    CancellationTokenSource cancel,
    ILogger logger) : IReplicationTicket
{
    public async ValueTask CompleteAsync(bool succeeded, CancellationToken cancellationToken)
    {
        using (cancel)
        {
            tee.Complete(null);
            transaction.Drop(primary);
            cancel.CancelAfter(transaction.VoteTimeout);
            var outcomes = await Task.WhenAll(calls.Select(c => c.Outcome)).ConfigureAwait(false);
            registry.End(transaction);

            if (!succeeded || !transaction.Committed(primary))
            {
                await inner.CompleteAsync(succeeded, cancellationToken).ConfigureAwait(false);
                return;
            }

            var committed = new List<string>();
            for (var i = 0; i < calls.Count; i++)
            {
                var storage = calls[i].Node.Storage;
                if (outcomes[i].Succeeded && transaction.Committed(storage))
                {
                    committed.Add(storage);
                    continue;
                }

                var reason = outcomes[i].Succeeded ? "its votes did not all commit" : outcomes[i].Detail;
                TransactionsLog.SecondaryNotCommitted(logger, transaction.Id, virtualStorage, relativePath, storage, reason);
            }

            TransactionsLog.Finished(logger, transaction.Id, virtualStorage, relativePath, string.Join(", ", committed.Prepend(primary)));
            await inner.CompleteCommittedAsync(committed, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask CompleteCommittedAsync(IReadOnlyCollection<string> committedSecondaries, CancellationToken cancellationToken) =>
        CompleteAsync(true, cancellationToken);
}
