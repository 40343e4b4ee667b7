namespace Praefect.Ctl.Commands.Reconfigure;

/// <summary>The options of one reconfigure run.</summary>
internal sealed record ReconfigureRequest(string ConfigPath, string Root, string? TemplatesDir, bool DryRun, bool NoRestart)
{
    /// <summary>--sandbox: see <see cref="SandboxSettings"/>.</summary>
    public bool Sandbox { get; init; }
}
