using GitalyLite.Transactions;

namespace GitalyLite.GitProcesses;

/// <summary>Runs short git commands (refs, config, gc) whose output is small, and waits for them.</summary>
internal static class GitCommand
{
    /// <summary>
    /// Runs <c>git --git-dir=&lt;gitDir&gt; arguments...</c>; with <paramref name="votes"/> the ref
    /// updates it makes are voted on through gitaly-lite's reference-transaction hook.
    /// </summary>
    public static Task<GitResult> InRepositoryAsync(
        string gitDir, IEnumerable<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null, VoteSession? votes = null) =>
        RunAsync(["--git-dir", gitDir, .. votes?.GitArguments ?? [], .. arguments], cancellationToken, VoteSession.Merge(votes, environment));

    public static async Task<GitResult> RunAsync(
        IEnumerable<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var git = GitProcess.Start(arguments, environment);
        git.Stdin.Close();
        using var stdoutReader = new StreamReader(git.Stdout);
        using var stderrReader = new StreamReader(git.Stderr);
        var stdout = stdoutReader.ReadToEndAsync(cancellationToken);
        var stderr = stderrReader.ReadToEndAsync(cancellationToken);
        await git.WaitForExitAsync(cancellationToken);
        return new GitResult(git.ExitCode, await stdout, await stderr);
    }

    /// <summary>The installed git's version, e.g. "2.39.5".</summary>
    public static async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(["version"], cancellationToken);
        return result.Stdout.Trim().Replace("git version ", "", StringComparison.Ordinal);
    }
}
