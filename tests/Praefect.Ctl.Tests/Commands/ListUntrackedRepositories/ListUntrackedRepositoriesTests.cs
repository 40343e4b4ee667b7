using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.ListUntrackedRepositories;

/// <summary>list-untracked-repositories as praefect and praefect-ctl run it, on a SQLite datastore and two real gitaly-lite nodes of its own.</summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class ListUntrackedRepositoriesTests : TwoNodeSubcommandFixture
{
    private const string Header = "The following repositories were found on disk, but missing from the tracking database:\n";


    [OneTimeSetUp]
    public async Task CreateRepositoriesAsync()
    {
        foreach (var (node, path) in new[] { (one, "@hashed/aa/bb/aabb.git"), (one, "tracked.git"), (two, "tracked.git"), (two, "group/project.git") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(node.RepositoryPath(path))!);
            await Git.RunAsync(node.StorageDir, "init", "--bare", "--quiet", node.RepositoryPath(path));
        }
    }

    /// <summary>A config of the two nodes (or <paramref name="secondAddress"/> for git-2), migrated, with tracked.git tracked.</summary>
    private async Task<string> ConfigAsync(string? secondAddress = null)
    {
        var config = await TwoNodeSubcommands.WriteConfigAsync(directory, one, two, secondAddress);
        await using var store = TwoNodeSubcommands.Open(config);
        await store.IncrementGenerationAsync("default", "tracked.git", "git-1", CancellationToken.None);
        return config;
    }

    private static (int Exit, string Out, string Error) Run(string config, bool praefect, params string[] args) => TwoNodeSubcommands.Run(config, praefect, args);

    [Test]
    public async Task ListUntracked_OlderThanZero_EveryUntrackedReplicaAsGoJsonLines()
    {
        var config = await ConfigAsync();

        var praefect = Run(config, praefect: true, "list-untracked-repositories", "-older-than", "0s");
        var ctl = Run(config, praefect: false, "list-untracked-repositories", "-older-than", "0");

        Assert.That(praefect, Is.EqualTo((0, Header +
            """{"relative_path":"@hashed/aa/bb/aabb.git","storage":"git-1","virtual_storage":"default"}""" + "\n" +
            """{"relative_path":"group/project.git","storage":"git-2","virtual_storage":"default"}""" + "\n", "")));
        Assert.That(ctl, Is.EqualTo(praefect));
    }

    [Test]
    public async Task ListUntracked_DefaultSixHours_NewRepositoriesLeftOut()
    {
        var config = await ConfigAsync();

        Assert.That(Run(config, praefect: true, "list-untracked-repositories"), Is.EqualTo((0, "", "")));
    }

    [Test]
    public async Task ListUntracked_Delimiter_WrittenAfterEachRepository()
    {
        var config = await ConfigAsync();

        var result = Run(config, praefect: true, "list-untracked-repositories", "-older-than", "1ns", "-delimiter", ",");

        Assert.That(result, Is.EqualTo((0, Header +
            """{"relative_path":"@hashed/aa/bb/aabb.git","storage":"git-1","virtual_storage":"default"},""" +
            """{"relative_path":"group/project.git","storage":"git-2","virtual_storage":"default"},""", "")));
    }

    [Test]
    public async Task ListUntracked_NodeDown_ErrorNamesItExit1()
    {
        using var down = TestPorts.ReserveUnanswered();
        var config = await ConfigAsync(down.Address);

        var (exit, output, error) = Run(config, praefect: true, "list-untracked-repositories", "-older-than", "0s");

        Assert.That((exit, output), Is.EqualTo((1, Header + """{"relative_path":"@hashed/aa/bb/aabb.git","storage":"git-1","virtual_storage":"default"}""" + "\n")));
        Assert.That(error, Does.StartWith($"praefect list-untracked-repositories: error: exec on \"default\"/\"git-2\": walking {down.Address}: Unavailable: "));
        Assert.That(error, Does.EndWith("; check the node with 'praefect dial-nodes'\n"));
    }

    [Test]
    public async Task ListUntracked_OlderThanNotADuration_UsageErrorExit2()
    {
        var config = await ConfigAsync();

        var (exit, _, error) = Run(config, praefect: true, "list-untracked-repositories", "-older-than", "6 hours");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("praefect: invalid value \"6 hours\" for flag -older-than: not a duration; write it like 6h, 10m, 1h30m or 5s\n"));
    }
}
