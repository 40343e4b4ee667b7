namespace Praefect.Server.Failover;

/// <summary>A request to make <paramref name="Target"/> the primary of <paramref name="VirtualStorage"/>.</summary>
/// <param name="Force">Switch even if writes would be lost (marking those repositories).</param>
/// <param name="Timeout">How long writes may be held while the target catches up.</param>
/// <param name="Trigger">Who asked: praefect-ctl, reconfigure or automatic.</param>
/// <param name="ReplacedPrimary">Only fail over away from this primary (automatic failover: the one seen unhealthy);
/// when another praefect already replaced it, nothing is done. Null: whatever the primary is.</param>
internal sealed record FailoverOrder(string VirtualStorage, string Target, bool Force, TimeSpan Timeout, string Trigger, string? ReplacedPrimary = null);
