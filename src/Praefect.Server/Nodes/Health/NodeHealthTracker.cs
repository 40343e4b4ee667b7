namespace Praefect.Server.Nodes.Health;

/// <summary>
/// The health of one node from its probe results: unhealthy after <c>unhealthyThreshold</c>
/// consecutive failures, healthy again after <c>healthyThreshold</c> consecutive successes.
/// A node starts healthy so that a praefect start does not look like an outage. Not thread-safe:
/// <see cref="NodeHealthMonitor"/> serializes calls per node.
/// </summary>
internal sealed class NodeHealthTracker
{
    private readonly int _unhealthyThreshold;
    private readonly int _healthyThreshold;
    private int _consecutiveFailures;
    private int _consecutiveSuccesses;

    public NodeHealthTracker(int unhealthyThreshold, int healthyThreshold)
    {
        _unhealthyThreshold = Math.Max(1, unhealthyThreshold);
        _healthyThreshold = Math.Max(1, healthyThreshold);
    }

    public bool IsHealthy { get; private set; } = true;

    /// <summary>When the node last became unhealthy; null while healthy.</summary>
    public DateTimeOffset? UnhealthySince { get; private set; }

    /// <summary>When the last probe result was recorded; null before the first.</summary>
    public DateTimeOffset? LastCheck { get; private set; }

    /// <summary>The last probe result (true: the node answered SERVING in time).</summary>
    public bool LastCheckUp { get; private set; }

    /// <summary>Why the last probe failed; null when it passed (or before the first).</summary>
    public string? LastError { get; private set; }

    /// <summary>Records one probe result; returns the transition it caused, if any.</summary>
    public HealthTransition Record(bool up, DateTimeOffset now, string? error = null)
    {
        LastCheck = now;
        LastCheckUp = up;
        LastError = up ? null : error;
        if (up)
        {
            _consecutiveFailures = 0;
            _consecutiveSuccesses++;
            if (!IsHealthy && _consecutiveSuccesses >= _healthyThreshold)
            {
                IsHealthy = true;
                UnhealthySince = null;
                return HealthTransition.BecameHealthy;
            }

            return HealthTransition.None;
        }

        _consecutiveSuccesses = 0;
        _consecutiveFailures++;
        if (IsHealthy && _consecutiveFailures >= _unhealthyThreshold)
        {
            IsHealthy = false;
            UnhealthySince = now;
            return HealthTransition.BecameUnhealthy;
        }

        return HealthTransition.None;
    }
}
