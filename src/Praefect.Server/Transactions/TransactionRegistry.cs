using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Praefect.Server.Metrics;

namespace Praefect.Server.Transactions;

/// <summary>
/// The transactions in flight on this praefect, by id. Ids start at a random point so that a vote a node
/// kept from before a restart names no live transaction. <see cref="Stop"/> (praefect stopping) aborts
/// every undecided vote; a transaction's owner ends it with <see cref="End"/>, after which its votes are refused.
/// </summary>
internal sealed class TransactionRegistry(PraefectMetrics metrics, TimeProvider time, ILogger<TransactionRegistry> logger)
{
    private const int HashLength = 20;
    private readonly ConcurrentDictionary<ulong, Transaction> _transactions = new();
    private long _nextId = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private volatile bool _stopped;

    public int Count => _transactions.Count;

    public Transaction Register(IReadOnlyList<Voter> voters, int threshold, TimeSpan voteTimeout)
    {
        var transaction = new Transaction((ulong)Interlocked.Increment(ref _nextId), voters, threshold, voteTimeout, time);
        _transactions[transaction.Id] = transaction;
        if (_stopped)
        {
            transaction.Cancel();
        }

        metrics.TransactionActions.WithLabels("registered").Inc();
        metrics.VotersPerTransaction.Observe(voters.Count);
        return transaction;
    }

    /// <summary>Removes the transaction: undecided votes abort, later votes get NotFound.</summary>
    public void End(Transaction transaction)
    {
        if (_transactions.TryRemove(transaction.Id, out _))
        {
            transaction.Cancel();
            metrics.SubtransactionsPerTransaction.Observe(transaction.SubtransactionCount);
        }
    }

    /// <summary>One vote, as the RefTransaction service receives it. Throws <see cref="VoteRefusedException"/> for a vote praefect does not count.</summary>
    public async Task<VoteResult> VoteAsync(ulong id, string node, ReadOnlyMemory<byte> hash, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (hash.Length != HashLength)
            {
                throw new VoteRefusedException(StatusCode.InvalidArgument,
                    $"reference_updates_hash of node \"{node}\" in transaction {id} is {hash.Length} bytes; it must be the 20-byte SHA-1 of the reference updates");
            }

            if (!_transactions.TryGetValue(id, out var transaction))
            {
                throw new VoteRefusedException(StatusCode.NotFound, $"transaction not found: {id}");
            }

            metrics.TransactionActions.WithLabels("started").Inc();
            var result = await transaction.VoteAsync(node, hash.ToArray(), cancellationToken).ConfigureAwait(false);
            metrics.TransactionActions.WithLabels(result == VoteResult.Commit ? "committed" : "aborted").Inc();
            metrics.TransactionDelay.WithLabels("vote").Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            TransactionsLog.Voted(logger, id, node, result.ToString().ToLowerInvariant());
            return result;
        }
        catch (VoteRefusedException e)
        {
            metrics.TransactionActions.WithLabels("invalid").Inc();
            TransactionsLog.VoteRefused(logger, id, node, e.Message);
            throw;
        }
    }

    /// <summary>Praefect is stopping: every transaction aborts its undecided votes.</summary>
    public void Stop()
    {
        _stopped = true;
        foreach (var transaction in _transactions.Values)
        {
            transaction.Cancel();
        }
    }
}
