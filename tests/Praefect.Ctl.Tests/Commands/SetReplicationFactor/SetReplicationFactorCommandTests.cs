using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.SetReplicationFactor;

/// <summary>
/// set-replication-factor as praefect and praefect-ctl run it, on a SQLite datastore and a virtual storage of three
/// storages (git-1 primary); the command never dials a node, so none runs.
/// </summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed class SetReplicationFactorCommandTests
{
    private TempDirectory _directory = null!;
    private string _config = null!;

    [SetUp]
    public async Task WriteConfigAsync()
    {
        _directory = new TempDirectory(nameof(SetReplicationFactorCommandTests));
        _config = await TwoNodeSubcommands.WriteConfigAsync(_directory,
            [("git-1", "tcp://127.0.0.1:1", "t1"), ("git-2", "tcp://127.0.0.1:2", "t2"), ("git-3", "tcp://127.0.0.1:3", "t3")]);
        await using var store = TwoNodeSubcommands.Open(_config);
        await store.IncrementGenerationAsync("default", "a.git", "git-1", CancellationToken.None);
    }

    [TearDown]
    public void RemoveDirectory() => _directory.Dispose();

    private (int Exit, string Out, string Error) RunPraefect(params string[] args) =>
        TwoNodeSubcommands.RunPraefect(_config, ["set-replication-factor", "-virtual-storage", "default", .. args]);

    [Test]
    public async Task SetReplicationFactor_LowerToOne_KeepsThePrimaryAndPrintsGoLine()
    {
        var result = RunPraefect("-repository", "a.git", "-replication-factor", "1");

        Assert.That(result, Is.EqualTo((0, "current assignments: git-1\n", "")));
        await using var store = TwoNodeSubcommands.Open(_config);
        Assert.That(await store.GetAssignmentsAsync("default", "a.git", CancellationToken.None), Is.EqualTo(new[] { "git-1" }));
        Assert.That(await store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None), Is.Empty, "the primary holds the repository: nothing to copy");
    }

    [Test]
    public async Task SetReplicationFactor_RaiseThroughPraefectCtl_AssignsOneMoreAndQueuesItsCopy()
    {
        RunPraefect("-repository", "a.git", "-replication-factor", "1");

        var result = TwoNodeSubcommands.RunCtl("set-replication-factor", "-virtual-storage", "default", "-repository", "a.git", "-replication-factor", "2", "--config", _config);

        Assert.That(result.Exit, Is.EqualTo(0), result.Error);
        Assert.That(result.Out, Does.Match("^current assignments: git-1, git-[23]\n$"));
        var added = result.Out.TrimEnd()[^5..];
        await using var store = TwoNodeSubcommands.Open(_config);
        var job = (await store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None)).Single();
        Assert.That((job.SourceStorage, job.TargetStorage, job.ChangeType), Is.EqualTo(("git-1", added, "set-replication-factor")));
    }

    [TestCase("0", "attempted to set replication factor 0 but minimum is 1")]
    [TestCase("4", "attempted to set replication factor 4 but virtual storage only contains 3 storages")]
    public void SetReplicationFactor_FactorOutOfRange_GoErrorAndExit1(string factor, string error)
    {
        var result = RunPraefect("-repository", "a.git", "-replication-factor", factor);

        Assert.That(result, Is.EqualTo((1, "", $"praefect set-replication-factor: error: {error}\n")));
    }

    [Test]
    public void SetReplicationFactor_RepositoryNotTracked_SaysHowToTrackItAndExit1()
    {
        var result = RunPraefect("-repository", "missing.git", "-replication-factor", "2");

        Assert.That(result, Is.EqualTo((1, "",
            "praefect set-replication-factor: error: repository \"default\"/\"missing.git\" not found; " +
            "track it first with 'praefect track-repository -virtual-storage default -relative-path missing.git'\n")));
    }

    [Test]
    public void SetReplicationFactor_WithoutTheFactor_UsageErrorExit2()
    {
        var result = RunPraefect("-repository", "a.git");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--replication-factor"));
    }
}
