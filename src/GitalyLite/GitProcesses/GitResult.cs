namespace GitalyLite.GitProcesses;

/// <summary>The outcome of a short git command whose output fits in memory.</summary>
internal sealed record GitResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    public IEnumerable<string> Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
