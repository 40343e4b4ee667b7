using Praefect.Configuration.Runtime;

namespace Praefect.Server.Configuration;

/// <summary>
/// The <c>replication</c> section's bounds, checked at start and on reload: a value out of range is
/// an error that names the key, the value and the range, never silently raised to the minimum.
/// </summary>
internal static class ReplicationConfigRules
{
    public const int MinLeaseMs = 300;
    public const int MinIntervalMs = 10;

    public static void Validate(ReplicationConfig replication, List<string> errors)
    {
        AtLeast("replication.workers_per_node", replication.WorkersPerNode, 1, "a worker per node and source", errors);
        AtLeast("replication.max_attempts", replication.MaxAttempts, 1, "one attempt", errors);
        AtLeast("replication.lease_ms", replication.LeaseMs, MinLeaseMs, "a lease shorter than this expires before a worker can renew it", errors);
        AtLeast("replication.backoff_base_ms", replication.BackoffBaseMs, 1, "the first retry wait", errors);
        AtLeast("replication.backoff_max_ms", replication.BackoffMaxMs, Math.Max(1, replication.BackoffBaseMs), "the cap cannot be below backoff_base_ms", errors);
        AtLeast("replication.poll_interval_ms", replication.PollIntervalMs, MinIntervalMs, "a shorter poll only loads the datastore", errors);
        AtLeast("replication.unavailable_retry_ms", replication.UnavailableRetryMs, MinIntervalMs, "a shorter wait only hammers a node that is down", errors);
    }

    private static void AtLeast(string key, int value, int minimum, string why, List<string> errors)
    {
        if (value < minimum)
        {
            errors.Add($"{key} is {value}; set it to {minimum} or more ({why})");
        }
    }
}
