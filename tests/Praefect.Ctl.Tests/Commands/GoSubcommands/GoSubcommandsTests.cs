using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.GoSubcommands;

/// <summary>The Go Praefect's subcommands as praefect-ctl runs them, on a SQLite datastore and a real gitaly-lite node.</summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class GoSubcommandsTests
{
    private GitalyLiteNode _node = null!;
    private TempDirectory _directory = null!;

    [OneTimeSetUp]
    public async Task StartNodeAsync() => _node = await GitalyLiteNode.StartAsync("git-1", "node-1-secret");

    [OneTimeTearDown]
    public async Task StopNodeAsync() => await _node.DisposeAsync();

    [SetUp]
    public void CreateDirectory() => _directory = new TempDirectory("go-subcommands");

    [TearDown]
    public void RemoveDirectory() => _directory.Dispose();

    private string WriteConfig(string downAddress = "tcp://127.0.0.1:1")
    {
        var path = _directory.Combine("config.yml");
        File.WriteAllText(path, $"""
            data_dir: {_directory.Combine("data")}
            listen_addr: 127.0.0.1:2305
            virtual_storages:
              - name: default
                nodes:
                  - storage: git-1
                    address: {_node.Address}
                    token: node-1-secret
                    primary: true
              - name: other
                nodes:
                  - storage: git-2
                    address: {downAddress}
                    token: x
                    primary: true
            """);
        Directory.CreateDirectory(_directory.Combine("data"));
        return path;
    }

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = CtlApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Test]
    public void ListStorages_AllAndOneAndUnknown_GoTable()
    {
        var config = WriteConfig();

        Assert.That(Run("list-storages", "--config", config), Is.EqualTo((0,
            "VIRTUAL_STORAGE\tNODE \tADDRESS\n" +
            $"default        \tgit-1\t{_node.Address}\n" +
            "other          \tgit-2\ttcp://127.0.0.1:1\n", "")));
        Assert.That(Run("list-storages", "--config", config, "--virtual-storage", "other").Out,
            Is.EqualTo("VIRTUAL_STORAGE\tNODE \tADDRESS\nother          \tgit-2\ttcp://127.0.0.1:1\n"));
        Assert.That(Run("list-storages", "--config", config, "--virtual-storage", "nope"), Is.EqualTo((0, "No virtual storages named nope.\n", "")));
    }

    [Test]
    public void SqlMigrateStatus_BeforeAndAfterMigrate_NoThenAppliedTimes()
    {
        var config = WriteConfig();

        var before = Run("sql-migrate-status", "--config", config);
        Run("sql-migrate", "--config", config);
        var after = Run("sql-migrate-status", "--config", config);

        Assert.That(before, Is.EqualTo((0,
            "+---------------------------------+---------+\n" +
            "|            MIGRATION            | APPLIED |\n" +
            "+---------------------------------+---------+\n" +
            "| 0001_replication_queue          | no      |\n" +
            "| 0002_generations_and_primaries  | no      |\n" +
            "| 0010_failover                   | no      |\n" +
            "| 0011_remove_and_rename          | no      |\n" +
            "| 0012_replication_correlation_id | no      |\n" +
            "| 0013_repository_assignments     | no      |\n" +
            "+---------------------------------+---------+\n", "")));
        Assert.That(after.Exit, Is.EqualTo(0), after.Error);
        Assert.That(after.Out, Does.Match(@"\| 0012_replication_correlation_id +\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC +\|\n"));
    }

    [Test]
    public void StartupCheck_OneNodeDown_FatalFailureExit1()
    {
        var config = WriteConfig();
        Run("sql-migrate", "--config", config);

        var (exit, output, _) = Run("startup-check", "--config", config);

        Assert.That(exit, Is.EqualTo(1));
        var lines = output.Split('\n');
        Assert.That(lines[0], Is.EqualTo("Checking Praefect migrations - confirms whether or not all migrations have run [fatal]"));
        Assert.That(lines[1], Is.EqualTo("Passed"));
        Assert.That(lines[2], Is.EqualTo("Checking Node connectivity - confirms if praefect can reach all of its gitaly nodes [fatal]"));
        Assert.That(lines[3], Does.StartWith("Failed (fatal) error: other/git-2 tcp://127.0.0.1:1: FAILED after "));
        Assert.That(lines[5], Is.EqualTo("Passed"));
        Assert.That(lines[7], Is.EqualTo("Passed"));
        Assert.That(output, Does.EndWith("\n1 check(s) failed, at least one was fatal.\n"));
    }

    [Test]
    public void StartupCheck_QuietAllUp_AllChecksPassed()
    {
        var config = WriteConfig(downAddress: _node.Address);
        File.WriteAllText(config, File.ReadAllText(config).Replace("storage: git-2", "storage: git-1").Replace("token: x", "token: node-1-secret"));
        Run("sql-migrate", "--config", config);

        var result = Run("startup-check", "--config", config, "-q");

        Assert.That(result, Is.EqualTo((0,
            "Checking Praefect migrations...Passed\nChecking Node connectivity...Passed\nChecking Database read/write...Passed\n" +
            "Checking Unavailable repositories...Passed\n\nAll checks passed.\n", "")));
    }

    [Test]
    public async Task Metadata_RepositoryBehindOnOneReplica_GoLines()
    {
        var configPath = WriteConfig();
        var config = RuntimeConfigLoader.LoadFile(configPath, out var error) ?? throw new InvalidOperationException(error);
        await using (var store = DatastoreFactory.Create(config))
        {
            await store.MigrateAsync(CancellationToken.None);
            await store.IncrementGenerationAsync("default", "group/project.git", "git-1", CancellationToken.None);
        }

        var result = Run("metadata", "--config", configPath, "--virtual-storage", "default", "--relative-path", "group/project.git");

        Assert.That(result, Is.EqualTo((0, """
            Virtual Storage: "default"
            Relative Path: "group/project.git"
            Replica Path: "group/project.git"
            Primary: "git-1"
            Generation: 1
            Replicas:
            - Storage: "git-1"
              Assigned: true
              Generation: 1, fully up to date
              Healthy: true
              Valid Primary: true
              Verified At: unverified

            """.ReplaceLineEndings("\n"), "")));
    }

    [TestCase(new[] { "--repository-id", "1" }, "praefect-ctl metadata: error: this praefect keeps no repository IDs; name the repository with --virtual-storage and --relative-path\n")]
    [TestCase(new[] { "--relative-path", "a.git" }, "praefect-ctl metadata: error: virtual storage is required with relative path; pass --virtual-storage\n")]
    public void Metadata_BadQuery_Exit2WithTheFix(string[] args, string expected)
    {
        Assert.That(Run(["metadata", "--config", WriteConfig(), .. args]), Is.EqualTo((2, "", expected)));
    }

    [Test]
    public void ListStorages_GoConfigToml_SaysWhatToPass()
    {
        var path = _directory.Combine("config.toml");
        File.WriteAllText(path, "# Go praefect\nlisten_addr = \"127.0.0.1:2305\"\n\n[[virtual_storage]]\nname = \"default\"\n");

        var (exit, output, error) = Run("list-storages", "--config", path);

        Assert.That((exit, output), Is.EqualTo((2, "")));
        Assert.That(error, Does.StartWith($"{path}:2:1: error: this is a Go Praefect config.toml, not the runtime config.yml"));
        Assert.That(error, Does.Contain("pass -config /var/opt/gitlab/praefect/config.yml"));
    }
}
