using System.Text;
using GitalyLite.GitProcesses;
using Praefect.TestSupport;

namespace GitalyLite.Tests.Unit;

public sealed class GitProcessTests
{
    // A git that holds a ref lock when its call is cancelled (praefect killed mid-replication) must not leave the
    // lock behind: with SIGKILL, every later fetch into the repository failed with "main.lock: File exists".
    [Test]
    public async Task Dispose_GitHoldingARefLock_StopsItAndTheLockIsGone()
    {
        using var work = new TempDirectory("gitprocess");
        var repository = await Git.CreateRepositoryAsync(work.Combine("repo"), commits: 1);
        var head = (await Git.RunAsync(repository, "rev-parse", "HEAD")).Trim();
        var lockFile = Path.Combine(repository, ".git", "refs", "heads", "held.lock");

        var git = GitProcess.Start(["-C", repository, "update-ref", "--stdin"]);
        try
        {
            await git.Stdin.WriteAsync(Encoding.ASCII.GetBytes($"start\nupdate refs/heads/held {head}\nprepare\n"));
            await git.Stdin.FlushAsync();
            using var stdout = new StreamReader(git.Stdout, Encoding.ASCII);
            string? line;
            using var timeout = new CancellationTokenSource(Git.CommandTimeout);
            while ((line = await stdout.ReadLineAsync(timeout.Token)) is not null && line != "prepare: ok")
            {
            }

            Assert.That(line, Is.EqualTo("prepare: ok"), "git update-ref --stdin should have prepared the transaction");
            Assert.That(File.Exists(lockFile), Is.True, "the prepared transaction holds refs/heads/held.lock");
        }
        finally
        {
            git.Dispose();
        }

        Assert.That(File.Exists(lockFile), Is.False, "git stopped by Dispose left refs/heads/held.lock behind");
    }
}
