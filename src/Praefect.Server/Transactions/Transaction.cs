using Grpc.Core;

namespace Praefect.Server.Transactions;

/// <summary>
/// One registered reference transaction: its voters, the threshold, and its subtransactions in the order
/// the voters cast them (a voter's k-th vote belongs to the k-th subtransaction). A vote is answered when
/// its subtransaction is decided. Thread safe.
/// </summary>
internal sealed class Transaction
{
    private readonly object _lock = new();
    private readonly List<Subtransaction> _subtransactions = [];
    private readonly Dictionary<string, List<VoteResult>> _results = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private bool _cancelled;

    public Transaction(ulong id, IReadOnlyList<Voter> voters, int threshold, TimeSpan voteTimeout, TimeProvider time)
    {
        Id = id;
        Voters = voters;
        Threshold = threshold;
        VoteTimeout = voteTimeout;
        _time = time;
        foreach (var voter in voters)
        {
            _results[voter.Name] = [];
        }
    }

    public ulong Id { get; }

    public IReadOnlyList<Voter> Voters { get; }

    public int Threshold { get; }

    public TimeSpan VoteTimeout { get; }

    public int SubtransactionCount
    {
        get
        {
            lock (_lock)
            {
                return _subtransactions.Count;
            }
        }
    }

    /// <summary>Casts <paramref name="voter"/>'s next vote and waits for its subtransaction's decision (or the vote timeout).</summary>
    public async Task<VoteResult> VoteAsync(string voter, byte[] hash, CancellationToken cancellationToken)
    {
        Subtransaction subtransaction;
        int index;
        lock (_lock)
        {
            if (!_results.TryGetValue(voter, out var results))
            {
                throw new VoteRefusedException(StatusCode.InvalidArgument,
                    $"node \"{voter}\" is not a voter of transaction {Id}; its voters are {string.Join(", ", Voters.Select(v => $"\"{v.Name}\""))}");
            }

            if (_cancelled)
            {
                throw new VoteRefusedException(StatusCode.NotFound, $"transaction not found: {Id}");
            }

            index = results.Count;
            if (index == _subtransactions.Count)
            {
                _subtransactions.Add(new Subtransaction(_time.GetUtcNow() + VoteTimeout));
            }

            subtransaction = _subtransactions[index];
            results.Add(VoteResult.Abort);
            subtransaction.Cast(voter, hash);
            subtransaction.Evaluate(Voters, Threshold, _dropped);
        }

        if (!subtransaction.IsDecided)
        {
            var wait = subtransaction.Deadline - _time.GetUtcNow();
            try
            {
                await subtransaction.Decided.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                lock (_lock)
                {
                    subtransaction.Abort();
                }
            }
        }

        lock (_lock)
        {
            var result = subtransaction.ResultFor(hash);
            _results[voter][index] = result;
            return result;
        }
    }

    /// <summary>A voter whose call ended (failed, or never voted): its missing votes no longer hold a subtransaction open.</summary>
    public void Drop(string voter)
    {
        lock (_lock)
        {
            if (!_dropped.Add(voter))
            {
                return;
            }

            foreach (var subtransaction in _subtransactions)
            {
                subtransaction.Evaluate(Voters, Threshold, _dropped);
            }
        }
    }

    /// <summary>Ends the transaction: undecided subtransactions abort, later votes are refused.</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            _cancelled = true;
            foreach (var subtransaction in _subtransactions)
            {
                subtransaction.Abort();
            }
        }
    }

    /// <summary>
    /// True when <paramref name="voter"/> committed every subtransaction of the transaction (true for all
    /// voters of a transaction without votes: a call that changed no reference).
    /// </summary>
    public bool Committed(string voter)
    {
        lock (_lock)
        {
            return _results.TryGetValue(voter, out var results)
                && results.Count == _subtransactions.Count
                && results.TrueForAll(r => r == VoteResult.Commit);
        }
    }

    /// <summary>True when <paramref name="voter"/> committed at least one subtransaction (its repository changed).</summary>
    public bool CommittedAny(string voter)
    {
        lock (_lock)
        {
            return _results.TryGetValue(voter, out var results) && results.Contains(VoteResult.Commit);
        }
    }
}
