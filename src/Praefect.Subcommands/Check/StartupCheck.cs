namespace Praefect.Subcommands.Check;

/// <summary>One of the Go Praefect's start-up checks: <paramref name="Run"/> returns null when it passes, else why not.</summary>
internal sealed record StartupCheck(string Name, string Description, string Severity, Func<CancellationToken, Task<string?>> Run)
{
    public const string Fatal = "fatal";
    public const string Warning = "warning";
}
