using Praefect.Configuration.Runtime;
using Praefect.Datastore;

namespace Praefect.Server.Replication;

/// <summary>The replicator's settings, from the <c>replication</c> section of the runtime config.</summary>
internal sealed record ReplicationOptions(
    int WorkersPerNode,
    RetryPolicy Retry,
    TimeSpan Lease,
    TimeSpan PollInterval,
    TimeSpan UnavailableRetry)
{
    /// <summary>Deadline of CreateRepository and CalculateChecksum.</summary>
    public TimeSpan ShortCallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of the reachability probe of a job's source (a hung source is skipped after it).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline of FetchInternalRemote (a first copy of a big repository takes long).</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long completed jobs are kept before the heartbeat loop prunes them.</summary>
    public TimeSpan CompletedRetention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How often the instance heartbeat is written, orphaned pending jobs promoted and queue gauges refreshed.</summary>
    public TimeSpan HeartbeatInterval => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, Math.Min(Lease.Ticks / 3, TimeSpan.FromSeconds(5).Ticks)));

    /// <summary>The values as configured: praefect refuses to start on out-of-range ones (<c>ReplicationConfigRules</c>), so nothing is clamped here.</summary>
    public static ReplicationOptions From(ReplicationConfig config) => new(
        WorkersPerNode: config.WorkersPerNode,
        Retry: new RetryPolicy(config.MaxAttempts, TimeSpan.FromMilliseconds(config.BackoffBaseMs), TimeSpan.FromMilliseconds(config.BackoffMaxMs)),
        Lease: TimeSpan.FromMilliseconds(config.LeaseMs),
        PollInterval: TimeSpan.FromMilliseconds(config.PollIntervalMs),
        UnavailableRetry: TimeSpan.FromMilliseconds(config.UnavailableRetryMs))
    {
        CompletedRetention = TimeSpan.FromSeconds(Math.Max(0, config.CompletedRetentionSeconds)),
    };
}
