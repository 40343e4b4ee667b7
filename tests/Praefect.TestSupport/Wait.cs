using System.Diagnostics;

namespace Praefect.TestSupport;

/// <summary>Bounded polling for a condition: the only way tests wait (never fixed sleeps).</summary>
public static class Wait
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The bound for a condition that holds in well under a second on a quiet machine (a log line, a
    /// signal, a call arriving): generous because CI runs on loaded machines, free because the wait
    /// returns as soon as the condition holds.
    /// </summary>
    public static readonly TimeSpan Patient = TimeSpan.FromSeconds(60);

    /// <summary>The bound for a process start, replication or failover to converge on a loaded machine.</summary>
    public static readonly TimeSpan Converge = TimeSpan.FromSeconds(120);

    /// <summary>Polls <paramref name="condition"/> until it is true; fails the test naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        Exception? last = null;
        while (stopwatch.Elapsed < timeout)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is not (OperationCanceledException or WaitAbortedException))
            {
                last = e;
            }

            await Task.Delay(PollInterval);
        }

        var cause = last is null ? "" : $" (last error: {last.GetType().Name}: {last.Message})";
        throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.#} s waiting for {what}{cause}");
    }

    /// <summary>Synchronous-condition overload.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>.</summary>
    public static async Task<T> ForAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.#} s waiting for {what}");
        }
    }
}
