using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.Dataloss;

public sealed class DatalossCommandTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = CtlApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private static async Task<string> ConfigWithGenerationsAsync(TempDirectory directory)
    {
        var config = directory.Combine("config.yml");
        await File.WriteAllTextAsync(config, $"""
            data_dir: {directory.Path}
            virtual_storages:
            - name: praefect
              nodes:
              - {"{"} storage: gitaly-1, address: "tcp://127.0.0.1:1", primary: true {"}"}
              - {"{"} storage: gitaly-2, address: "tcp://127.0.0.1:2" {"}"}
              - {"{"} storage: gitaly-3, address: "tcp://127.0.0.1:3" {"}"}
            - name: other
              nodes:
              - {"{"} storage: gitaly-9, address: "tcp://127.0.0.1:9", primary: true {"}"}
            """);
        await using var store = DatastoreFactory.CreateSqlite(directory.Combine("praefect.db"));
        await store.MigrateAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await store.IncrementGenerationAsync("praefect", "behind.git", "gitaly-1", CancellationToken.None);
        }

        await store.IncrementGenerationAsync("praefect", "fine.git", "gitaly-1", CancellationToken.None);
        var ids = await store.RecordPendingAsync(
            [new JobRequest("praefect", "behind.git", "gitaly-1", "gitaly-2", "x"), new JobRequest("praefect", "fine.git", "gitaly-1", "gitaly-2", "x"), new JobRequest("praefect", "fine.git", "gitaly-1", "gitaly-3", "x")],
            "test", CancellationToken.None);
        await store.MarkReadyAsync(ids, CancellationToken.None);
        foreach (var (target, generation) in new[] { ("gitaly-2", 1L), ("gitaly-2", 1L), ("gitaly-3", 1L) })
        {
            var job = await store.DequeueAsync("praefect", target, "worker", TimeSpan.FromMinutes(1), CancellationToken.None);
            await store.CompleteAsync(job!, "worker", generation, CancellationToken.None);
        }

        await store.IncrementGenerationAsync("other", "solo.git", "gitaly-9", CancellationToken.None);
        return config;
    }

    [Test]
    public async Task Dataloss_EveryNodeDown_EveryRepositoryUnavailableInGoFormat()
    {
        using var directory = new TempDirectory("ctl-dataloss");
        var config = await ConfigWithGenerationsAsync(directory);

        var result = Run("dataloss", "--config", config);

        // No node answers (nothing listens on the configured ports): no healthy storage holds any repository.
        Assert.That(result, Is.EqualTo((0, """
            Virtual storage: other
              Repositories:
                solo.git (unavailable):
                  Primary: gitaly-9
                  In-Sync Storages:
                    gitaly-9, assigned host, unhealthy
                  Outdated Storages:
            Virtual storage: praefect
              Repositories:
                behind.git (unavailable):
                  Primary: gitaly-1
                  In-Sync Storages:
                    gitaly-1, assigned host, unhealthy
                  Outdated Storages:
                    gitaly-2 is behind by 2 changes or less, assigned host, unhealthy
                    gitaly-3 is behind by 3 changes or less, assigned host, unhealthy
                fine.git (unavailable):
                  Primary: gitaly-1
                  In-Sync Storages:
                    gitaly-1, assigned host, unhealthy
                    gitaly-2, assigned host, unhealthy
                    gitaly-3, assigned host, unhealthy
                  Outdated Storages:

            """.ReplaceLineEndings("\n"), "")));
    }

    [Test]
    public async Task Dataloss_UnknownVirtualStorage_ExitTwoListingTheConfiguredOnes()
    {
        using var directory = new TempDirectory("ctl-dataloss");
        var config = await ConfigWithGenerationsAsync(directory);

        var result = Run("dataloss", "--config", config, "--virtual-storage", "nope");

        Assert.That(result, Is.EqualTo((2, "", $"praefect-ctl dataloss: error: virtual storage 'nope' is not in {config}; configured: praefect, other\n")));
    }
}
