using Microsoft.Extensions.Logging;

namespace GitalyLite.Transactions;

/// <summary>The reference-transaction log events (source generated). Tokens never appear in them.</summary>
internal static partial class TransactionLog
{
    [LoggerMessage(EventId = 50, EventName = "VoteCast", Level = LogLevel.Information,
        Message = "voted on reference transaction {TransactionId} as '{Node}' for {Rpc}: {Outcome} in {DurationMs} ms")]
    public static partial void VoteCast(ILogger logger, ulong transactionId, string node, string rpc, string outcome, double durationMs);

    [LoggerMessage(EventId = 51, EventName = "VoteFailed", Level = LogLevel.Warning,
        Message = "vote on reference transaction {TransactionId} as '{Node}' for {Rpc} at {Praefect} failed: {Error}")]
    public static partial void VoteFailed(ILogger logger, ulong transactionId, string node, string rpc, string praefect, string error);

    [LoggerMessage(EventId = 52, EventName = "VoteHookRefused", Level = LogLevel.Warning,
        Message = "refused a reference-transaction hook connection: {Reason}; the update was aborted")]
    public static partial void HookRefused(ILogger logger, string reason);
}
