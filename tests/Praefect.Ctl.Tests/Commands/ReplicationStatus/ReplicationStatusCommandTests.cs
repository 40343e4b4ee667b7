using Praefect.Ctl.Commands.ReplicationStatus;
using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Ctl.Tests.Commands.ReplicationStatus;

public sealed class ReplicationStatusCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public async Task Execute_ReadyAndDeadJobs_TablePerTargetAndDeadErrors()
    {
        using var directory = new TempDirectory("ctl-replication-status");
        var config = directory.Combine("config.yml");
        await File.WriteAllTextAsync(config, $"""
            data_dir: {directory.Path}
            virtual_storages:
            - name: praefect
              nodes:
              - {"{"} storage: gitaly-1, address: "tcp://127.0.0.1:1", primary: true {"}"}
              - {"{"} storage: gitaly-2, address: "tcp://127.0.0.1:2" {"}"}
              - {"{"} storage: gitaly-3, address: "tcp://127.0.0.1:3" {"}"}
            """);
        await using (var store = DatastoreFactory.CreateSqlite(directory.Combine("praefect.db"), new FixedTime(Start)))
        {
            await store.MigrateAsync(CancellationToken.None);
            JobRequest Job(string path, string target) => new("praefect", path, "gitaly-1", target, "/gitaly.SSHService/SSHReceivePack");
            var ids = await store.RecordPendingAsync([Job("a.git", "gitaly-2"), Job("b.git", "gitaly-2"), Job("c.git", "gitaly-3")], "test", CancellationToken.None);
            await store.MarkReadyAsync(ids, CancellationToken.None);
            var job = await store.DequeueAsync("praefect", "gitaly-3", "worker", TimeSpan.FromMinutes(1), CancellationToken.None);
            await store.FailAsync(job!, "worker", "FetchInternalRemote on \"gitaly-3\" from \"gitaly-1\" returned result=false", new RetryPolicy(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), CancellationToken.None);
        }

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await ReplicationStatusCommand.ExecuteAsync(config, new CtlOutput(stdout, stderr), new FixedTime(Start.AddSeconds(75)), CancellationToken.None);

        Assert.That((exit, stderr.ToString()), Is.EqualTo((0, "")));
        Assert.That(stdout.ToString().ReplaceLineEndings("\n"), Is.EqualTo("""
            VIRTUAL STORAGE  TARGET    PENDING  READY  IN PROGRESS  FAILED  DEAD  COMPLETED  OLDEST READY
            praefect         gitaly-1  0        0      0            0       0     0          -
            praefect         gitaly-2  0        2      0            0       0     0          1m15s
            praefect         gitaly-3  0        0      0            0       1     0          -

            dead jobs (newest first, at most 20):
              job 3 praefect/c.git -> gitaly-3 after 1 attempts: FetchInternalRemote on "gitaly-3" from "gitaly-1" returned result=false

            """));
    }

    [TestCase(0, "0s")]
    [TestCase(59, "59s")]
    [TestCase(61, "1m01s")]
    [TestCase(3600 + 240, "1h04m")]
    public void Age_Seconds_Formatted(int seconds, string expected)
    {
        Assert.That(ReplicationStatusCommand.Age(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
    }
}
