namespace Praefect.Server.Failover;

/// <summary>A request to make <paramref name="Target"/> the primary of <paramref name="VirtualStorage"/>.</summary>
/// <param name="Force">Switch even if writes would be lost (marking those repositories).</param>
/// <param name="Timeout">How long writes may be held while the target catches up.</param>
/// <param name="Trigger">Who asked: praefect-ctl, reconfigure or automatic.</param>
public sealed record FailoverOrder(string VirtualStorage, string Target, bool Force, TimeSpan Timeout, string Trigger);
