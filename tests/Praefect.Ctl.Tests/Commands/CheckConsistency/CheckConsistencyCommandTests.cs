using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.CheckConsistency;

/// <summary>check-consistency against two real gitaly-lite nodes.</summary>
public sealed class CheckConsistencyCommandTests
{
    [Test]
    public async Task CheckConsistency_OneReplicaMissingARepository_PrintsItAndExitsOne()
    {
        using var directory = new TempDirectory("ctl-check-consistency");
        await using var first = await GitalyLiteNode.StartAsync("gitaly-1", "token-1");
        await using var second = await GitalyLiteNode.StartAsync("gitaly-2", "token-2");
        var work = await Git.CreateRepositoryAsync(directory.Combine("work"), commits: 2);
        foreach (var node in new[] { first, second })
        {
            await Git.RunAsync(work, "clone", "--quiet", "--bare", work, node.RepositoryPath("same.git"));
        }

        await Git.RunAsync(work, "clone", "--quiet", "--bare", work, first.RepositoryPath("only-first.git"));
        var config = directory.Combine("config.yml");
        await File.WriteAllTextAsync(config, $"""
            data_dir: {directory.Path}
            virtual_storages:
            - name: praefect
              nodes:
              - {"{"} storage: gitaly-1, address: "{first.Address}", token: token-1, primary: true {"}"}
              - {"{"} storage: gitaly-2, address: "{second.Address}", token: token-2 {"}"}
            """);
        await using (var store = DatastoreFactory.CreateSqlite(directory.Combine("praefect.db")))
        {
            await store.MigrateAsync(CancellationToken.None);
            await store.IncrementGenerationAsync("praefect", "same.git", "gitaly-1", CancellationToken.None);
            await store.IncrementGenerationAsync("praefect", "only-first.git", "gitaly-1", CancellationToken.None);
        }

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = CtlApp.Run(["check-consistency", "--config", config], stdout, stderr);

        var lines = stdout.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.That((exit, stderr.ToString()), Is.EqualTo((1, "")));
        Assert.That(lines[0], Is.EqualTo("praefect/only-first.git: inconsistent"));
        Assert.That(lines[1], Does.Match("^  gitaly-1: [0-9a-f]{40}$"));
        Assert.That(lines[2], Does.StartWith("  gitaly-2: error: "));
        Assert.That(lines[3], Is.EqualTo("virtual storage 'praefect': 2 repositories checked on 2 nodes, 1 inconsistent"));
    }
}
