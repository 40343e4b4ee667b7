using Praefect.Protocol.Transactions;

namespace GitalyLite.Tests.Integration.Transactions;

/// <summary>One vote as the fake praefect received it, with whether its token verified against the praefect token.</summary>
public sealed record RecordedVote(VoteTransactionRequest Request, bool TokenValid);
