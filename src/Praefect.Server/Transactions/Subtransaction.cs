namespace Praefect.Server.Transactions;

/// <summary>
/// The k-th vote of every voter of a transaction (one git reference transaction on each node). Decided
/// once: COMMIT for the voters whose hash reaches the threshold, ABORT for the rest, or ABORT for all when
/// the threshold can no longer be reached, the vote timeout passed or the transaction was cancelled.
/// Not thread safe: <see cref="Transaction"/> calls it under its lock.
/// </summary>
internal sealed class Subtransaction(DateTimeOffset deadline)
{
    private readonly Dictionary<string, byte[]> _votes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DateTimeOffset Deadline { get; } = deadline;

    public Task Decided => _decided.Task;

    public bool IsDecided => _decided.Task.IsCompleted;

    /// <summary>The hash that reached the threshold; null when the subtransaction aborted (or is undecided).</summary>
    public byte[]? Winner { get; private set; }

    public void Cast(string voter, byte[] hash) => _votes[voter] = hash;

    public bool HasVoted(string voter) => _votes.ContainsKey(voter);

    /// <summary>Decides when a hash has the threshold, or when no hash can reach it with the votes still to come.</summary>
    public void Evaluate(IReadOnlyList<Voter> voters, int threshold, IReadOnlySet<string> dropped)
    {
        if (IsDecided)
        {
            return;
        }

        var pending = 0;
        var tally = new List<(byte[] Hash, int Votes)>();
        foreach (var voter in voters)
        {
            if (!_votes.TryGetValue(voter.Name, out var hash))
            {
                pending += dropped.Contains(voter.Name) ? 0 : voter.Votes;
                continue;
            }

            var index = tally.FindIndex(t => t.Hash.AsSpan().SequenceEqual(hash));
            if (index < 0)
            {
                tally.Add((hash, voter.Votes));
            }
            else
            {
                tally[index] = (hash, tally[index].Votes + voter.Votes);
            }
        }

        foreach (var (hash, votes) in tally)
        {
            if (votes >= threshold)
            {
                Decide(hash);
                return;
            }
        }

        var best = tally.Count == 0 ? 0 : tally.Max(t => t.Votes);
        if (best + pending < threshold)
        {
            Decide(null);
        }
    }

    /// <summary>Aborts an undecided subtransaction (timeout, cancellation).</summary>
    public void Abort() => Decide(null);

    public VoteResult ResultFor(byte[] hash) =>
        Winner is { } winner && winner.AsSpan().SequenceEqual(hash) ? VoteResult.Commit : VoteResult.Abort;

    private void Decide(byte[]? winner)
    {
        if (IsDecided)
        {
            return;
        }

        Winner = winner;
        _decided.TrySetResult();
    }
}
