using Praefect.Configuration.Runtime;

namespace Praefect.Server.Transactions;

/// <summary>
/// The voters and the threshold of a transaction, by <c>transactions.quorum</c>. <c>majority</c> is the Go
/// Praefect's majority-wins rule (its coordinator's <c>registerTransaction</c>): the primary carries one vote
/// more than there are secondaries, so no quorum forms without it, each secondary one vote, and the threshold
/// is the primary's weight plus ceil(secondaries / 2) when there is more than one secondary (with one or
/// none, the primary alone commits). <c>all</c> is its strong-consistency strategy (every voter one vote, all
/// must agree); <c>primary</c> its primary-wins strategy (secondaries carry no weight).
/// </summary>
internal static class QuorumPolicy
{
    public static (IReadOnlyList<Voter> Voters, int Threshold) Build(string quorum, string primary, IReadOnlyList<string> secondaries)
    {
        var count = secondaries.Count;
        return quorum switch
        {
            TransactionsConfig.QuorumAll => (With(primary, 1, secondaries, 1), count + 1),
            TransactionsConfig.QuorumPrimary => (With(primary, 1, secondaries, 0), 1),
            _ => (With(primary, count + 1, secondaries, 1), count + 1 + (count > 1 ? (count + 1) / 2 : 0)),
        };
    }

    private static List<Voter> With(string primary, int primaryVotes, IReadOnlyList<string> secondaries, int secondaryVotes)
    {
        var voters = new List<Voter>(secondaries.Count + 1) { new(primary, primaryVotes, Primary: true) };
        voters.AddRange(secondaries.Select(s => new Voter(s, secondaryVotes, Primary: false)));
        return voters;
    }
}
