namespace Praefect.Datastore;

/// <summary>
/// How failed jobs are retried: exponential backoff from <see cref="BaseDelay"/> doubling per attempt,
/// capped at <see cref="MaxDelay"/>; a job that failed <see cref="MaxAttempts"/> times is dead.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait before the next try after <paramref name="attempts"/> failures (1 or more).</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = BaseDelay.Ticks * (1L << exponent);
        return ticks <= 0 || ticks > MaxDelay.Ticks || ticks / (1L << exponent) != BaseDelay.Ticks
            ? MaxDelay
            : TimeSpan.FromTicks(ticks);
    }
}
