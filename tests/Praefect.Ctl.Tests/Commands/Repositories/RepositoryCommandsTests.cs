using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.Repositories;

/// <summary>
/// track-repository, track-repositories, remove-repository and sql-migrate-down as praefect-ctl and praefect run them,
/// on a SQLite datastore and two real gitaly-lite nodes.
/// </summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class RepositoryCommandsTests : TwoNodeSubcommandFixture
{
    private string _config = null!;

    [SetUp]
    public async Task WriteConfigAsync()
    {
        _config = await TwoNodeSubcommands.WriteConfigAsync(directory, one, two);
    }

    private static (int Exit, string Out, string Error) Run(params string[] args) => TwoNodeSubcommands.RunCtl(args);

    private (int Exit, string Out, string Error) RunPraefect(params string[] args) => TwoNodeSubcommands.RunPraefect(_config, args);

    private IDatastore OpenStore() => TwoNodeSubcommands.Open(_config);

    private static async Task<string> CreateOnDiskAsync(GitalyLiteNode node, string relativePath)
    {
        var path = node.RepositoryPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Git.RunAsync(node.StorageDir, "init", "--bare", "--quiet", path);
        return path;
    }

    private static string UniquePath(string name) => $"{name}-{Guid.NewGuid():N}.git";

    [Test]
    public async Task TrackRepository_OnDiskNotTracked_RecordedAndJobQueuedWithCorrelationId()
    {
        var path = UniquePath("track");
        await CreateOnDiskAsync(one, path);

        var result = RunPraefect("track-repository", "-virtual-storage", "default", "-relative-path", path, "-authoritative-storage", "git-1");
        var again = RunPraefect("track-repository", "-virtual-storage", "default", "-relative-path", path);

        Assert.That(result, Is.EqualTo((0,
            "Finished adding new repository to be tracked in praefect database.\n" +
            "Added replication job to replicate repository to \"git-2\".\n", "")));
        Assert.That(again, Is.EqualTo((1, "",
            "praefect track-repository: error: attempting to track repository in praefect database: repository is already tracked by Praefect\n")));
        await using var store = OpenStore();
        var generations = await store.GetGenerationsAsync("default", path, CancellationToken.None);
        Assert.That(generations?.Storages, Is.EqualTo(new Dictionary<string, long> { ["git-1"] = 1 }));
        var job = (await store.GetJobsAsync(JobState.Ready, 10, CancellationToken.None)).Single(j => j.RelativePath == path);
        Assert.That((job.SourceStorage, job.TargetStorage, job.ChangeType), Is.EqualTo(("git-1", "git-2", "track-repository")));
        Assert.That(job.CorrelationId, Has.Length.EqualTo(26));
    }

    [Test]
    public void TrackRepository_NotOnDisk_RefusedNothingRecorded()
    {
        var result = Run("track-repository", "--config", _config, "--virtual-storage", "default", "--relative-path", "missing.git");

        Assert.That(result, Is.EqualTo((1, "",
            "praefect-ctl track-repository: error: attempting to track repository in praefect database: authoritative repository does not exist\n")));
    }

    [Test]
    public async Task TrackRepositories_OneBadLine_ReportsEveryBadLineTracksNothing()
    {
        var good = UniquePath("bulk");
        await CreateOnDiskAsync(one, good);
        var input = directory.Combine("repositories.json");
        File.WriteAllLines(input,
        [
            $$"""{"relative_path":"{{good}}","virtual_storage":"default","authoritative_storage":"git-1"}""",
            """{"relative_path":"x.git","virtual_storage":"default"}""",
            $$"""{"relative_path":"{{good}}","virtual_storage":"default","authoritative_storage":"git-1"}""",
        ]);

        var result = RunPraefect("track-repositories", "-input-path", input);

        Assert.That(result, Is.EqualTo((1,
            $"Validating repository information in \"{input}\"\n" +
            $"Found 2 invalid request(s) in \"{input}\":\n" +
            "  line 2, relative_path: \"x.git\"\n" +
            "    \"authoritative-storage\" is a required parameter\n" +
            $"  line 3, relative_path: \"{good}\"\n" +
            "    duplicate entries for relative_path, line [1 3]\n",
            "praefect track-repositories: error: invalid entries found, aborting; fix the lines above and run it again\n")));
        await using var store = OpenStore();
        Assert.That(await store.GetGenerationsAsync("default", good, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task TrackRepositories_ValidFile_TracksEach()
    {
        var (a, b) = (UniquePath("bulk-a"), UniquePath("bulk-b"));
        await CreateOnDiskAsync(one, a);
        await CreateOnDiskAsync(two, b);
        var input = directory.Combine("repositories.json");
        File.WriteAllLines(input,
        [
            $$"""{"relative_path":"{{a}}","virtual_storage":"default","authoritative_storage":"git-1"}""",
            $$"""{"relative_path":"{{b}}","virtual_storage":"default","authoritative_storage":"git-2"}""",
        ]);

        var result = Run("track-repositories", "--config", _config, "--input-path", input);

        Assert.That(result, Is.EqualTo((0,
            $"Validating repository information in \"{input}\"\n" +
            "All repository details are correctly formatted\n" +
            "Tracking 2 repositories in Praefect DB...\n" +
            "Finished adding new repository to be tracked in praefect database.\n" +
            "Added replication job to replicate repository to \"git-2\".\n" +
            "Finished adding new repository to be tracked in praefect database.\n" +
            "Added replication job to replicate repository to \"git-1\".\n", "")));
    }

    [Test]
    public async Task RemoveRepository_DryRunThenApply_GoneFromDisksDatastoreAndQueue()
    {
        var path = UniquePath("remove");
        var (onOne, onTwo) = (await CreateOnDiskAsync(one, path), await CreateOnDiskAsync(two, path));
        Assert.That(RunPraefect("track-repository", "-virtual-storage", "default", "-relative-path", path).Exit, Is.EqualTo(0));

        var dryRun = RunPraefect("remove-repository", "-virtual-storage", "default", "-relative-path", path);
        var stillThere = Directory.Exists(onOne) && Directory.Exists(onTwo);
        var apply = RunPraefect("remove-repository", "-virtual-storage", "default", "-relative-path", path, "-apply");
        var again = RunPraefect("remove-repository", "-virtual-storage", "default", "-relative-path", path);

        Assert.That(dryRun, Is.EqualTo((0,
            "Repository found in the database.\n" +
            "Re-run the command with -apply to remove repositories from the database and disk or -apply and -db-only to remove from database only.\n", "")));
        Assert.That(stillThere, Is.True, "the dry run removed nothing");
        Assert.That(apply, Is.EqualTo((0,
            "Repository found in the database.\n" +
            $"Attempting to remove {path} from the database, and delete it from all gitaly nodes...\n" +
            "Repository removal completed.\n" +
            "Removing replication events...\n" +
            "Replication event removal completed.\n", "")));
        Assert.That((Directory.Exists(onOne), Directory.Exists(onTwo)), Is.EqualTo((false, false)));
        Assert.That(again.Exit, Is.EqualTo(1));
        Assert.That(again.Error, Does.StartWith("praefect remove-repository: error: repository is not being tracked in Praefect"));
        await using var store = OpenStore();
        Assert.That((await store.GetJobsAsync(JobState.Ready, 100, CancellationToken.None)).Where(j => j.RelativePath == path), Is.Empty);
    }

    [Test]
    public async Task RemoveRepository_ApplyDbOnly_LeftOnDisk()
    {
        var path = UniquePath("remove-db");
        var onOne = await CreateOnDiskAsync(one, path);
        Assert.That(Run("track-repository", "--config", _config, "--virtual-storage", "default", "--relative-path", path).Exit, Is.EqualTo(0));

        var result = Run("remove-repository", "--config", _config, "--virtual-storage", "default", "--relative-path", path, "--apply", "--db-only");

        Assert.That(result, Is.EqualTo((0,
            "Repository found in the database.\n" +
            $"Attempting to remove {path} from the database...\n" +
            "Repository removal from database completed.\n", "")));
        Assert.That(Directory.Exists(onOne), Is.True);
        await using var store = OpenStore();
        Assert.That(await store.GetGenerationsAsync("default", path, CancellationToken.None), Is.Null);
    }

    [Test]
    public void SqlMigrateDown_DryRunThenForce_GoLines()
    {
        var dryRun = RunPraefect("sql-migrate-down", "2");
        var force = RunPraefect("sql-migrate-down", "-f", "1");
        var status = Run("sql-migrate-status", "--config", _config);
        var zero = RunPraefect("sql-migrate-down", "0");

        Assert.That(dryRun, Is.EqualTo((0,
            "DRY RUN -- would roll back:\n\n- 0013_repository_assignments\n- 0012_replication_correlation_id\n\nTo apply these migrations run with -f\n", "")));
        Assert.That(force, Is.EqualTo((0, "OK (applied 1 \"down\" migrations)\n", "")));
        Assert.That(status.Out, Does.Contain("| 0013_repository_assignments     | no "));
        Assert.That(zero, Is.EqualTo((2, "", "praefect sql-migrate-down: error: number of migrations to roll back must be 1 or more, got '0'\n")));
    }

    [Test]
    public async Task Dataloss_UnderPraefect_SameCommandAsPraefectCtl()
    {
        await using (var store = OpenStore())
        {
            await store.IncrementGenerationAsync("default", "behind.git", "git-1", CancellationToken.None);
        }

        var praefect = RunPraefect("dataloss", "-virtual-storage", "default");
        var partially = RunPraefect("dataloss", "-virtual-storage", "default", "-partially-unavailable");
        var ctl = Run("dataloss", "--config", _config, "--virtual-storage", "default", "--partially-unavailable");

        Assert.That(praefect, Is.EqualTo((0, "Virtual storage: default\n  All repositories are available!\n", "")));
        Assert.That(partially, Is.EqualTo((0,
            "Virtual storage: default\n" +
            "  Repositories:\n" +
            "    behind.git:\n" +
            "      Primary: git-1\n" +
            "      In-Sync Storages:\n" +
            "        git-1, assigned host\n" +
            "      Outdated Storages:\n" +
            "        git-2 is behind by 1 change or less, assigned host\n", "")));
        Assert.That(ctl, Is.EqualTo(partially));
    }
}
