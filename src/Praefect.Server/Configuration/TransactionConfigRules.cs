using Praefect.Configuration.Runtime;

namespace Praefect.Server.Configuration;

/// <summary>The runtime config's <c>transactions</c> section: a known quorum and a positive vote timeout.</summary>
internal static class TransactionConfigRules
{
    public static void Validate(TransactionsConfig transactions, List<string> errors)
    {
        if (transactions.Quorum is not (TransactionsConfig.QuorumMajority or TransactionsConfig.QuorumAll or TransactionsConfig.QuorumPrimary))
        {
            errors.Add($"transactions.quorum '{transactions.Quorum}' is unknown; use majority (the primary and at least half of the secondaries), all or primary");
        }

        if (transactions.VoteTimeoutSeconds < 1)
        {
            errors.Add($"transactions.vote_timeout_seconds is {transactions.VoteTimeoutSeconds}; set it to 1 or more seconds (the default is 30)");
        }
    }
}
