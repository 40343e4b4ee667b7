namespace Praefect.Ctl.ServiceManagers;

/// <summary>Exit code and the combined output lines of one external command.</summary>
internal sealed record CommandResult(int ExitCode, IReadOnlyList<string> Lines)
{
    public bool Succeeded => ExitCode == 0;
}
