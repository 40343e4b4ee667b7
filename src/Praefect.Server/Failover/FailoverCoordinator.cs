using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Praefect.Datastore;
using Praefect.Datastore.Failover;
using Praefect.Server.Metrics;
using Praefect.Server.Nodes;
using Praefect.Server.Nodes.Health;

namespace Praefect.Server.Failover;

/// <summary>
/// The one failover path, for praefect-ctl, reconfigure and automatic failover:
/// <list type="number">
/// <item>Check: the virtual storage exists, the target is one of its nodes and healthy.</item>
/// <item>Hold: close the virtual storage's mutator gate and wait for the writes in flight to end.</item>
/// <item>Catch up: wait (up to the timeout) until the target holds the latest generation of every
/// repository; stop waiting early when the primary is unhealthy (it cannot be copied from).</item>
/// <item>Decide: refuse with the list of what would be lost, unless nothing would be or it is forced.</item>
/// <item>Switch: compare-and-swap the recorded primary (exactly one praefect wins), mark the lost repositories.</item>
/// <item>Release: route to the new primary and open the gate; held writes go to the new primary.</item>
/// </list>
/// </summary>
internal sealed class FailoverCoordinator(
    INodeConnections nodes,
    IPrimarySwitcher switcher,
    INodeHealth health,
    IDatastore store,
    MutatorGates gates,
    LostWritesGuard guard,
    ILogger<FailoverCoordinator> logger,
    TimeProvider time,
    PraefectMetrics metrics)
{
    /// <summary>How long writes may be held when the request names no timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>This praefect, as recorded with the switches it makes.</summary>
    public static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    private static readonly TimeSpan CatchUpPoll = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.Ordinal);

    public async Task<FailoverResult> FailoverAsync(FailoverOrder order, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var result = await RunAsync(order, started, cancellationToken).ConfigureAwait(false);
        metrics.Failovers.WithLabels(order.VirtualStorage, order.Trigger, FailoverOutcomeNames.Name(result.Outcome)).Inc();
        if (result.Outcome == FailoverOutcome.Refused)
        {
            FailoverLog.Refused(logger, order.VirtualStorage, order.Target, order.Trigger, result.Reason);
        }
        else if (result.Outcome != FailoverOutcome.AlreadyPrimary)
        {
            FailoverLog.Switched(logger, order.VirtualStorage, result.PreviousPrimary, result.NewPrimary, order.Trigger, result.Outcome, result.Lost.Count, (long)result.Duration.TotalMilliseconds);
        }

        return result;
    }

    /// <summary>Reads the recorded primary and routes to it; returns it (the routed one when none is recorded).</summary>
    public async Task<string> SyncRecordedPrimaryAsync(string virtualStorage, CancellationToken cancellationToken)
    {
        var recorded = await store.GetPrimaryAsync(virtualStorage, cancellationToken).ConfigureAwait(false);
        if (recorded is not null && switcher.SetPrimary(virtualStorage, recorded))
        {
            return recorded;
        }

        return nodes.Current.TryGet(virtualStorage, out var vs) ? vs.Primary.Storage : "";
    }

    private async Task<FailoverResult> RunAsync(FailoverOrder order, long started, CancellationToken cancellationToken)
    {
        // Step 1: Check.
        var snapshot = nodes.Current;
        if (!snapshot.TryGet(order.VirtualStorage, out var vs))
        {
            return FailoverResult.Refused("", $"virtual storage \"{order.VirtualStorage}\" does not exist; known virtual storages: {snapshot.KnownNames}", Elapsed(started));
        }

        if (vs.Find(order.Target) is null)
        {
            var names = string.Join(", ", vs.Nodes.Select(n => "\"" + n.Storage + "\""));
            return FailoverResult.Refused(vs.Primary.Storage, $"\"{order.Target}\" is not a node of virtual storage \"{vs.Name}\"; its nodes are {names}", Elapsed(started));
        }

        var timeout = order.Timeout > TimeSpan.Zero ? order.Timeout : DefaultTimeout;
        var running = _running.GetOrAdd(vs.Name, _ => new SemaphoreSlim(1, 1));
        if (!await running.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            return FailoverResult.Refused(vs.Primary.Storage, $"another failover of virtual storage \"{vs.Name}\" is still running; try again when it has ended", Elapsed(started));
        }

        try
        {
            var primary = await SyncRecordedPrimaryAsync(vs.Name, cancellationToken).ConfigureAwait(false);
            if (order.ReplacedPrimary is { } replaced && replaced != primary)
            {
                return FailoverResult.Refused(primary, $"the primary \"{replaced}\" was already replaced by \"{primary}\"; nothing was changed", Elapsed(started));
            }

            if (primary == order.Target)
            {
                return new FailoverResult(FailoverOutcome.AlreadyPrimary, primary, primary, "", [], Elapsed(started));
            }

            if (!health.IsHealthy(vs.Name, order.Target))
            {
                var healthy = vs.Nodes.Where(n => n.Storage != primary && health.IsHealthy(vs.Name, n.Storage)).Select(n => "\"" + n.Storage + "\"").ToArray();
                var choice = healthy.Length == 0 ? "no secondary is healthy now" : "healthy secondaries: " + string.Join(", ", healthy);
                return FailoverResult.Refused(primary, $"\"{order.Target}\" is unhealthy; fail over to a healthy secondary ({choice})", Elapsed(started));
            }

            return await SwitchAsync(order, vs.Name, primary, started, time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<FailoverResult> SwitchAsync(FailoverOrder order, string virtualStorage, string primary, long started, long deadline, CancellationToken cancellationToken)
    {
        FailoverLog.Started(logger, virtualStorage, primary, order.Target, order.Trigger, order.Force);
        var gate = gates.For(virtualStorage);

        // Step 2: Hold.
        var drained = gate.CloseAsync();
        try
        {
            var drainedInTime = await WaitUntilAsync(drained, deadline, cancellationToken).ConfigureAwait(false);

            // Step 3: Catch up.
            var lost = await CatchUpAsync(virtualStorage, primary, order.Target, deadline, cancellationToken).ConfigureAwait(false);

            // Step 4: Decide.
            if (!order.Force && (lost.Count > 0 || !drainedInTime))
            {
                return FailoverResult.Refused(primary, RefusalReason(virtualStorage, primary, order.Target, order.Trigger, lost.Count, drainedInTime, gate.InFlight), Elapsed(started), lost);
            }

            // Step 5: Switch.
            var change = new PrimarySwitch(virtualStorage, primary, order.Target, order.Trigger, lost.Count > 0, Instance,
                lost.Select(l => new LostWritesEntry(l.RelativePath, l.LatestGeneration, l.TargetGeneration)).ToArray());
            if (await store.SwitchPrimaryAsync(change, cancellationToken).ConfigureAwait(false) is null)
            {
                var recorded = await SyncRecordedPrimaryAsync(virtualStorage, cancellationToken).ConfigureAwait(false);
                await guard.RefreshAsync(virtualStorage, recorded, cancellationToken).ConfigureAwait(false);
                return recorded == order.Target
                    ? new FailoverResult(FailoverOutcome.AlreadyPrimary, recorded, recorded, "", [], Elapsed(started))
                    : FailoverResult.Refused(recorded, $"another praefect switched the primary of \"{virtualStorage}\" to \"{recorded}\" meanwhile; nothing was changed", Elapsed(started));
            }

            // Step 6: Release (the gate opens in finally, after the new primary is routed to and the marks are loaded).
            switcher.SetPrimary(virtualStorage, order.Target);
            await guard.RefreshAsync(virtualStorage, order.Target, CancellationToken.None).ConfigureAwait(false);
            var outcome = lost.Count > 0 ? FailoverOutcome.Forced : FailoverOutcome.Switched;
            return new FailoverResult(outcome, primary, order.Target, "", lost, Elapsed(started));
        }
        finally
        {
            gate.Open();
        }
    }

    /// <summary>Waits until the target holds every repository's latest generation, the deadline passes, or the primary is unhealthy.</summary>
    private async Task<IReadOnlyList<LostWrite>> CatchUpAsync(string virtualStorage, string primary, string target, long deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var repositories = await store.GetAllGenerationsAsync(virtualStorage, cancellationToken).ConfigureAwait(false);
            var lost = DatalossCalculator.WouldLose(repositories, target);
            if (lost.Count == 0 || !health.IsHealthy(virtualStorage, primary) || time.GetTimestamp() >= deadline)
            {
                return lost;
            }

            await Task.Delay(CatchUpPoll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private string RefusalReason(string virtualStorage, string primary, string target, string trigger, int lost, bool drainedInTime, int inFlight)
    {
        if (!drainedInTime)
        {
            return $"{inFlight} writes to \"{primary}\" were still running when the timeout ended; try again with a longer timeout, or force it";
        }

        var why = health.IsHealthy(virtualStorage, primary)
            ? "did not catch up before the timeout"
            : $"cannot catch up because the primary \"{primary}\" is unhealthy";
        return $"\"{target}\" is behind on {lost} repositories and {why}; writes would be lost. {ForceHint(trigger)} " +
               "(those repositories then reject writes until 'praefect-ctl accept-dataloss'), or wait for replication";
    }

    private static string ForceHint(string trigger) => trigger == FailoverTriggers.Reconfigure
        ? "Set praefect['failover_force'] = true in gitlab.rb and run 'praefect-ctl reconfigure' again to fail over anyway"
        : "Run again with --force to fail over anyway";

    private async Task<bool> WaitUntilAsync(Task task, long deadline, CancellationToken cancellationToken)
    {
        var left = time.GetElapsedTime(time.GetTimestamp(), deadline);
        if (left <= TimeSpan.Zero)
        {
            return task.IsCompleted;
        }

        try
        {
            await task.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private TimeSpan Elapsed(long started) => time.GetElapsedTime(started);
}
