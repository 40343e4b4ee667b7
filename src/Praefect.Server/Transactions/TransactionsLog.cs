using Microsoft.Extensions.Logging;

namespace Praefect.Server.Transactions;

/// <summary>Reference transaction log events (19xx).</summary>
internal static partial class TransactionsLog
{
    [LoggerMessage(EventId = 1900, EventName = "TransactionVoted", Level = LogLevel.Debug, Message = "transaction {TransactionId}: node {Node} voted, answered {Result}")]
    public static partial void Voted(ILogger logger, ulong transactionId, string node, string result);

    [LoggerMessage(EventId = 1901, EventName = "TransactionVoteRefused", Level = LogLevel.Warning, Message = "vote refused (transaction {TransactionId}, node {Node}): {Reason}")]
    public static partial void VoteRefused(ILogger logger, ulong transactionId, string node, string reason);

    [LoggerMessage(EventId = 1902, EventName = "TransactionSecondaryNotCommitted", Level = LogLevel.Warning, Message = "transaction {TransactionId} on {VirtualStorage}/{RelativePath}: secondary {Storage} did not commit ({Reason}); it gets a replication job")]
    public static partial void SecondaryNotCommitted(ILogger logger, ulong transactionId, string virtualStorage, string relativePath, string storage, string reason);

    [LoggerMessage(EventId = 1903, EventName = "TransactionFinished", Level = LogLevel.Information, Message = "transaction {TransactionId} on {VirtualStorage}/{RelativePath}: committed on {Committed}")]
    public static partial void Finished(ILogger logger, ulong transactionId, string virtualStorage, string relativePath, string committed);

    [LoggerMessage(EventId = 1904, EventName = "TransactionGenerationsUnknown", Level = LogLevel.Warning, Message = "reference transaction on {VirtualStorage}/{RelativePath}: the generations cannot be read ({Reason}); only the primary votes, the secondaries are replicated")]
    public static partial void NoGenerations(ILogger logger, string virtualStorage, string relativePath, string reason, Exception exception);
}
