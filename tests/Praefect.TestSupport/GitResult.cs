namespace Praefect.TestSupport;

/// <summary>The exit code and output of one git command run by a test.</summary>
public sealed record GitResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;
}
