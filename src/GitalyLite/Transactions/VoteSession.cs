using System.Globalization;
using Grpc.Core;

namespace GitalyLite.Transactions;

/// <summary>
/// The votes of one transactional call: the git arguments and environment that make git run
/// gitaly-lite's reference-transaction hook for this call only, and what went wrong when a vote did
/// not end in COMMIT. Disposing it (when the call ends) forgets the session's key, so a late hook is refused.
/// </summary>
internal sealed class VoteSession(VoteRelay relay, string key, string rpc, Gitaly.Repository repository, TransactionHeaders headers, int port, string hooksDirectory, TimeSpan timeout, CancellationToken callAborted) : IDisposable
{
    private int votes;

    public string Rpc => rpc;

    public Gitaly.Repository Repository => repository;

    public TransactionHeaders Headers => headers;

    public TimeSpan Timeout => timeout;

    /// <summary>Ends the vote waits of this session when the client call goes away.</summary>
    public CancellationToken CallAborted => callAborted;

    /// <summary>How many votes this session cast (one per git reference transaction).</summary>
    public int Votes => Volatile.Read(ref votes);

    /// <summary>Why the last vote did not commit (ABORT, praefect unreachable, timeout), or null.</summary>
    public Status? Failure { get; set; }

    /// <summary>Global git options for this call's commands: our hook directory, after any client option so it wins.</summary>
    public IReadOnlyList<string> GitArguments => ["-c", "core.hooksPath=" + hooksDirectory];

    /// <summary>The hook's environment: the listener port, this session's secret key (never in argv) and how long the hook waits.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        [HookScript.PortVariable] = port.ToString(CultureInfo.InvariantCulture),
        [HookScript.KeyVariable] = key,
        [HookScript.WaitVariable] = ((int)Math.Ceiling(timeout.TotalSeconds) + 10).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Casts one vote on <paramref name="updates"/> (exactly what git gave the hook); true for COMMIT.</summary>
    public Task<bool> VoteAsync(ReadOnlyMemory<byte> updates)
    {
        Interlocked.Increment(ref votes);
        return relay.VoteAsync(this, updates);
    }

    /// <summary>The call's error when git failed because a vote did not commit; null when no vote failed.</summary>
    public RpcException? FailureException() =>
        Failure is { } failure ? new RpcException(new Status(failure.StatusCode, $"{rpc}: {failure.Detail}")) : null;

    public void Dispose() => relay.Unregister(key);

    /// <summary><paramref name="environment"/> plus the session's hook variables.</summary>
    public static IReadOnlyDictionary<string, string>? Merge(VoteSession? session, IReadOnlyDictionary<string, string>? environment)
    {
        if (session is null)
        {
            return environment;
        }

        var merged = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        foreach (var (name, value) in session.Environment)
        {
            merged[name] = value;
        }

        return merged;
    }
}
