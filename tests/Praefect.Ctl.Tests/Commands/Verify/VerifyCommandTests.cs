using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.Verify;

/// <summary>verify as praefect and praefect-ctl run it, on a SQLite datastore and two real gitaly-lite nodes of its own.</summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class VerifyCommandTests : TwoNodeSubcommandFixture
{
    private string _config = null!;

    [SetUp]
    public async Task WriteConfigAsync()
    {
        _config = await ConfigAsync(two.Address);
    }

    private Task<string> ConfigAsync(string secondAddress) => TwoNodeSubcommands.WriteConfigAsync(directory, one, two, secondAddress);

    private static IDatastore Open(string config) => TwoNodeSubcommands.Open(config);

    private (int Exit, string Out, string Error) Run(bool praefect, params string[] args) => TwoNodeSubcommands.Run(_config, praefect, args);

    /// <summary>A repository with one commit on <paramref name="withCommit"/> and an empty one on <paramref name="empty"/>, tracked as held by both.</summary>
    private async Task<string> RepositoryAsync(string name, IEnumerable<GitalyLiteNode> withCommit, IEnumerable<GitalyLiteNode> empty)
    {
        var path = $"{name}-{Guid.NewGuid():N}.git";
        var work = await Git.CreateRepositoryAsync(directory.Combine("work-" + name), 1);
        foreach (var node in withCommit)
        {
            await Git.RunAsync(directory.Path, "clone", "--bare", "--quiet", work, node.RepositoryPath(path));
        }

        foreach (var node in empty)
        {
            await Git.RunAsync(directory.Path, "init", "--bare", "--quiet", node.RepositoryPath(path));
        }

        await using var store = Open(_config);
        await store.IncrementGenerationAsync("default", path, ["git-1", "git-2"], CancellationToken.None);
        return path;
    }

    [Test]
    public async Task Verify_ReplicaMatches_LineAndExit0NothingQueued()
    {
        var path = await RepositoryAsync("same", [one, two], []);

        var (exit, output, error) = Run(praefect: true, "verify", "-virtual-storage", "default", "-relative-path", path);

        Assert.That((exit, error), Is.EqualTo((0, "")));
        Assert.That(output, Does.Match($"^default/{path}: git-2: checksum [0-9a-f]{{40}} matches the primary git-1\n1 replicas verified, 0 marked outdated\n1 replicas marked unverified\n$"));
        await using var store = Open(_config);
        Assert.That(await store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Verify_ReplicaDiffersAndReplicaMissing_MarkedOutdatedReplicationQueued()
    {
        var differs = await RepositoryAsync("a-differs", [one], [two]);
        var missing = await RepositoryAsync("b-missing", [one], []);

        var (exit, output, error) = Run(praefect: false, "verify", "-virtual-storage", "default", "-storage", "git-2");

        await using var store = Open(_config);
        var jobs = (await store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None)).OrderBy(j => j.RelativePath, StringComparer.Ordinal).ToList();
        Assert.That((exit, error), Is.EqualTo((0, "")));
        Assert.That(jobs.Select(j => (j.RelativePath, j.SourceStorage, j.TargetStorage, j.ChangeType)),
            Is.EqualTo(new[] { (differs, "git-1", "git-2", "verify"), (missing, "git-1", "git-2", "verify") }));
        Assert.That(output, Does.Match(
            $"^default/{differs}: git-2: checksum [0-9a-f]{{40}} differs from the primary git-1 \\([0-9a-f]{{40}}\\): marked outdated\n" +
            $"default/{differs}: git-2: replication from git-1 queued \\(job {jobs[0].Id}\\)\n" +
            $"default/{missing}: git-2: missing: marked outdated\n" +
            $"default/{missing}: git-2: replication from git-1 queued \\(job {jobs[1].Id}\\)\n" +
            "2 replicas verified, 2 marked outdated\n2 replicas marked unverified\n$"));
        foreach (var path in new[] { differs, missing })
        {
            var generations = await store.GetGenerationsAsync("default", path, CancellationToken.None);
            Assert.That(generations!.Outdated(["git-1", "git-2"]), Is.EqualTo(new[] { ("git-2", 1L) }), path);
        }
    }

    [Test]
    public async Task Verify_ReplicaNodeDown_CouldNotVerifyExit1NothingMarked()
    {
        var path = await RepositoryAsync("down", [one, two], []);
        using var down = TestPorts.ReserveUnanswered();
        var generation = await GenerationsAsync(path);
        _config = await ConfigAsync(down.Address);

        var (exit, output, _) = Run(praefect: true, "verify", "-virtual-storage", "default", "-relative-path", path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.StartWith($"default/{path}: git-2: could not verify: {down.Address}: Unavailable: "));
        Assert.That(output, Does.EndWith("; check the node with 'praefect dial-nodes'\n0 replicas verified, 0 marked outdated, 1 could not be verified\n1 replicas marked unverified\n"));
        Assert.That(await GenerationsAsync(path), Is.EqualTo(generation));
    }

    private async Task<string> GenerationsAsync(string path)
    {
        await using var store = Open(_config);
        var generations = await store.GetGenerationsAsync("default", path, CancellationToken.None);
        return $"{generations!.Generation}: " + string.Join(", ", generations.Storages.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"));
    }

    [TestCase(new string[0], "(repository id), (virtual storage) or (virtual storage, storage) required; pass -virtual-storage")]
    [TestCase(new[] { "-repository-id", "7" }, "this praefect keeps no repository IDs; name the repository with -virtual-storage and -relative-path")]
    [TestCase(new[] { "-storage", "git-2" }, "virtual storage must be passed with storage")]
    [TestCase(new[] { "-virtual-storage", "default", "-storage", "git-9" }, "storage 'git-9' is not in virtual storage 'default'; configured: git-1, git-2")]
    public void Verify_BadSelector_UsageErrorExit2(string[] flags, string message)
    {
        var result = Run(praefect: true, ["verify", .. flags]);

        Assert.That(result, Is.EqualTo((2, "", $"praefect verify: error: {message}\n")));
    }
}
