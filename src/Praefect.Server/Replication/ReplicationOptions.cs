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

    /// <summary>Deadline of FetchInternalRemote (a first copy of a big repository takes long).</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the instance heartbeat is written, orphaned pending jobs promoted and queue gauges refreshed.</summary>
    public TimeSpan HeartbeatInterval => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, Math.Min(Lease.Ticks / 3, TimeSpan.FromSeconds(5).Ticks)));

    public static ReplicationOptions From(ReplicationConfig config) => new(
        WorkersPerNode: Math.Max(1, config.WorkersPerNode),
        Retry: new RetryPolicy(Math.Max(1, config.MaxAttempts), TimeSpan.FromMilliseconds(Math.Max(1, config.BackoffBaseMs)), TimeSpan.FromMilliseconds(Math.Max(1, config.BackoffMaxMs))),
        Lease: TimeSpan.FromMilliseconds(Math.Max(300, config.LeaseMs)),
        PollInterval: TimeSpan.FromMilliseconds(Math.Max(10, config.PollIntervalMs)),
        UnavailableRetry: TimeSpan.FromMilliseconds(Math.Max(10, config.UnavailableRetryMs)));
}
