using System.Diagnostics;
using System.Globalization;

namespace Praefect.TestSupport;

/// <summary>
/// Runs the real git CLI for tests, isolated from the machine's git configuration, with fixed
/// author and committer so commits are reproducible.
/// </summary>
public static class Git
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs git in <paramref name="workingDirectory"/>; throws with stderr when it fails.</summary>
    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await TryRunAsync(workingDirectory, null, arguments);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} in '{workingDirectory}' exited with {result.ExitCode}:{Environment.NewLine}{result.Stderr}");
        }

        return result.Stdout;
    }

    /// <summary>Runs git with extra environment (e.g. from <see cref="GitalyBridge"/>) and returns the result, never throwing on a non-zero exit.</summary>
    public static async Task<GitResult> TryRunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in IsolatedEnvironment())
        {
            info.Environment[key] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start git");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s");
        }

        return new GitResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Creates a non-bare repository at <paramref name="directory"/> on <paramref name="branch"/> with <paramref name="commits"/> commits (file.txt changes each time).</summary>
    public static async Task<string> CreateRepositoryAsync(string directory, int commits, string branch = "main")
    {
        Directory.CreateDirectory(directory);
        await RunAsync(directory, "init", "--quiet", "-b", branch);
        await AddCommitsAsync(directory, commits);
        return directory;
    }

    /// <summary>Adds <paramref name="count"/> commits to the current branch of a working tree.</summary>
    public static async Task AddCommitsAsync(string directory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var number = Directory.EnumerateFiles(directory, "file-*.txt").Count() + 1;
            var name = $"file-{number.ToString(CultureInfo.InvariantCulture)}.txt";
            await File.WriteAllTextAsync(Path.Combine(directory, name), $"content {number}\n");
            await RunAsync(directory, "add", name);
            await RunAsync(directory, "commit", "--quiet", "-m", $"commit {number}");
        }
    }

    /// <summary><c>git for-each-ref</c> as "&lt;oid&gt; &lt;refname&gt;" lines: the canonical way to compare two repositories' refs.</summary>
    public static Task<string> ForEachRefAsync(string gitDirectory, string pattern = "refs/") =>
        RunAsync(gitDirectory, "for-each-ref", "--format=%(objectname) %(refname)", pattern);

    /// <summary>Environment that keeps the machine's and user's git config out, and fixes identities and dates.</summary>
    public static IReadOnlyDictionary<string, string> IsolatedEnvironment() => new Dictionary<string, string>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_AUTHOR_NAME"] = "Test Author",
        ["GIT_AUTHOR_EMAIL"] = "author@example.com",
        ["GIT_AUTHOR_DATE"] = "2019-06-01T12:00:00Z",
        ["GIT_COMMITTER_NAME"] = "Test Committer",
        ["GIT_COMMITTER_EMAIL"] = "committer@example.com",
        ["GIT_COMMITTER_DATE"] = "2019-06-01T12:00:00Z",
        ["LC_ALL"] = "C",
    };
}
