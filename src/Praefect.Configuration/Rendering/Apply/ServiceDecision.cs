namespace Praefect.Configuration.Rendering.Apply;

/// <summary>What reconfigure does to the service and why; <see cref="DaemonReload"/> when systemd must re-read the unit first.</summary>
public sealed record ServiceDecision(ServiceAction Action, string Reason, bool DaemonReload = false)
{
    public string ActionText => Action switch
    {
        ServiceAction.None => "none",
        ServiceAction.Start => "start",
        ServiceAction.Reload => "reload",
        ServiceAction.Restart => DaemonReload ? "daemon-reload and restart" : "restart",
        _ => "stop and disable",
    };
}
