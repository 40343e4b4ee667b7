namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>How the fake praefect answers votes.</summary>
public enum VoteAnswer
{
    Commit,
    Abort,
    Never,
}
