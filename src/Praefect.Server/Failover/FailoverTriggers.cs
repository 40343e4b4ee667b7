namespace Praefect.Server.Failover;

/// <summary>Who asked for a failover (logged, counted, recorded with the switch).</summary>
internal static class FailoverTriggers
{
    public const string Ctl = "praefect-ctl";
    public const string Reconfigure = "reconfigure";
    public const string Automatic = "automatic";
}
