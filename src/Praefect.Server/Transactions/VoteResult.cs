namespace Praefect.Server.Transactions;

/// <summary>The answer to one vote: the node applies (<see cref="Commit"/>) or drops (<see cref="Abort"/>) its reference updates.</summary>
internal enum VoteResult
{
    Commit = 0,
    Abort = 1,
}
