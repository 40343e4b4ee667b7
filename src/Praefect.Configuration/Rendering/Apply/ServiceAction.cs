namespace Praefect.Configuration.Rendering.Apply;

public enum ServiceAction
{
    None,
    Start,
    Reload,
    Restart,
    StopAndDisable,
}
