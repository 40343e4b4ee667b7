using Gitaly;
using Grpc.Core;
using Praefect.Datastore;
using Praefect.Protocol.Gitaly13;
using Praefect.Server.Tests.Failover;
using Praefect.Server.Tests.Registry;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>
/// Three gitaly-lite nodes behind a real praefect that learned RemoveRepository and RenameRepository
/// from them: non-ref state, removes and renames reach every node and the datastore follows.
/// </summary>
[TestFixture]
[CancelAfter(300_000)]
public sealed class LifecycleReplicationTests
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(60);

    [Test]
    public async Task ApplyGitattributes_ThroughPraefect_OnAllThree_AndADifferingSecondaryShowsInCheckConsistency()
    {
        await using var cluster = await PraefectCluster.StartNodesAsync(postgres: false);
        var config = cluster.NewConfig();
        var praefect = await cluster.StartPraefectAsync(config);
        var work = await cluster.CreateRepositoryAsync(praefect, "attr.git");
        await File.WriteAllTextAsync(Path.Combine(work, ".gitattributes"), "*.bin binary\n");
        await Git.RunAsync(work, "add", ".gitattributes");
        await Git.RunAsync(work, "commit", "--quiet", "-m", "attributes");
        Assert.That((await cluster.CommitAndPushAsync(praefect, "attr.git", work)).Succeeded, Is.True);

        using (var channel = praefect.OpenChannel())
        {
            await new RepositoryService.RepositoryServiceClient(channel).ApplyGitattributesAsync(
                new ApplyGitattributesRequest { Repository = new Repository { StorageName = PraefectCluster.VirtualStorage, RelativePath = "attr.git" }, Revision = Google.Protobuf.ByteString.CopyFromUtf8("main") },
                GitalyChannel.AuthHeaders(PraefectCluster.AuthToken), DateTime.UtcNow.AddSeconds(30));
        }

        await Wait.UntilAsync(() => cluster.Nodes.All(n => ReadAttributes(n, "attr.git") == "*.bin binary\n"), Converge, "info/attributes on all three nodes");
        await using (var store = DatastoreFactory.Create(config))
        {
            // Every job of the push and of ApplyGitattributes has ended: none copies over the change made behind praefect's back.
            await Wait.UntilAsync(async () => (await store.GetQueueStatusAsync(CancellationToken.None)).All(s => s.State is JobState.Completed or JobState.Dead),
                Converge, "no open replication job of attr.git");
        }

        await File.WriteAllTextAsync(AttributesPath(cluster.Nodes[2], "attr.git"), "*.bin text\n");
        var check = await PraefectCtl.RunAsync("check-consistency", "--config", praefect.ConfigPath, "--repository", "attr.git");
        TestContext.Out.WriteLine(check.Stdout);

        Assert.That(check.ExitCode, Is.EqualTo(1), check.Stderr);
        Assert.That(check.Stdout, Does.Contain("praefect/attr.git: inconsistent"));
        Assert.That(check.Stdout, Does.Match(@"  gitaly-3: [0-9a-f]{40}, info/attributes 11 bytes sha256:[0-9a-f]{12}"));
        Assert.That(check.Stdout, Does.Match(@"  gitaly-1: [0-9a-f]{40}, info/attributes 13 bytes sha256:[0-9a-f]{12}"));
    }

    [Test]
    public async Task RenameThenRemove_ThroughPraefect_ApplyOnEveryNodeAndInTheDatastore()
    {
        await using var cluster = await PraefectCluster.StartNodesAsync(postgres: false);
        var config = cluster.NewConfig();
        var praefect = await cluster.StartPraefectAsync(config);
        await Testing.WaitForLearnedAsync(praefect, 3);
        await cluster.CreateRepositoryAsync(praefect, "before.git");
        await cluster.WaitForConvergenceAsync(["before.git"], Converge);

        await CallAsync(praefect, RepositoryLifecycle.RenameRepository, new RenameRepositoryRequest { Repository = Virtual("before.git"), RelativePath = "group/after.git" });
        await PrintOnFailureAsync(cluster, () => Wait.UntilAsync(() => cluster.Nodes.All(n => IsRepository(n, "group/after.git") && !Directory.Exists(n.RepositoryPath("before.git"))), Converge, "the rename on every node"));
        await using (var store = DatastoreFactory.Create(config))
        {
            Assert.That(await store.GetGenerationsAsync(PraefectCluster.VirtualStorage, "before.git", CancellationToken.None), Is.Null);
            Assert.That(await store.GetGenerationsAsync(PraefectCluster.VirtualStorage, "group/after.git", CancellationToken.None), Is.Not.Null);
        }

        var missing = Assert.ThrowsAsync<RpcException>(() => CallAsync(praefect, RepositoryLifecycle.RenameRepository, new RenameRepositoryRequest { Repository = Virtual("before.git"), RelativePath = "x.git" }));
        Assert.That(missing!.StatusCode, Is.EqualTo(StatusCode.NotFound));

        await CallAsync(praefect, RepositoryLifecycle.RemoveRepository, new RemoveRepositoryRequest { Repository = Virtual("group/after.git") });
        await Wait.UntilAsync(() => cluster.Nodes.All(n => !Directory.Exists(n.RepositoryPath("group/after.git"))), Converge, "the remove on every node");
        await using (var store = DatastoreFactory.Create(config))
        {
            Assert.That(await store.GetGenerationsAsync(PraefectCluster.VirtualStorage, "group/after.git", CancellationToken.None), Is.Null);
        }

        // A repository that is not there: removed "again" without error, as Gitaly 13.2 answers.
        await CallAsync(praefect, RepositoryLifecycle.RemoveRepository, new RemoveRepositoryRequest { Repository = Virtual("group/after.git") });
    }

    [Test]
    public async Task QueuedCopyOfARemovedRepository_NeverRecreatesIt_AndAKillBetweenRemoveAndReplicationLosesNothing()
    {
        await using var cluster = await PraefectCluster.StartNodesAsync(postgres: false);
        var config = cluster.NewConfig();
        var praefect = await cluster.StartPraefectAsync(config);
        await Testing.WaitForLearnedAsync(praefect, 3);
        var work = await cluster.CreateRepositoryAsync(praefect, "doomed.git");
        await cluster.WaitForConvergenceAsync(["doomed.git"], Converge);
        await cluster.Nodes[1].StopAsync();
        await cluster.Nodes[2].StopAsync();

        // A copy queued for the two stopped secondaries, then the remove: the copy must not bring it back.
        Assert.That((await cluster.CommitAndPushAsync(praefect, "doomed.git", work)).Succeeded, Is.True);
        await CallAsync(praefect, RepositoryLifecycle.RemoveRepository, new RemoveRepositoryRequest { Repository = Virtual("doomed.git") });
        Assert.That(Directory.Exists(cluster.Nodes[0].RepositoryPath("doomed.git")), Is.False);
        await using (var store = DatastoreFactory.Create(config))
        {
            await Wait.UntilAsync(async () => (await store.GetJobsAsync(JobState.Ready, 100, CancellationToken.None)).Count(j => j.ChangeType == ChangeTypes.Delete) +
                                              (await store.GetJobsAsync(JobState.InProgress, 100, CancellationToken.None)).Count(j => j.ChangeType == ChangeTypes.Delete) == 2,
                Converge, "both remove jobs to be recorded ready");
        }

        praefect.Process.Kill();
        await praefect.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var restarted = await cluster.StartPraefectAsync(config);
        await cluster.Nodes[1].StartAsync();
        await cluster.Nodes[2].StartAsync();

        await Wait.UntilAsync(() => cluster.Nodes.All(n => !Directory.Exists(n.RepositoryPath("doomed.git"))), Converge, "the remove to reach both restarted secondaries");
        await using (var store = DatastoreFactory.Create(config))
        {
            await Wait.UntilAsync(async () => (await store.GetQueueStatusAsync(CancellationToken.None)).All(s => s.State is JobState.Completed or JobState.Dead),
                Converge, "the queue to drain");
            var completed = await store.GetJobsAsync(JobState.Completed, 100, CancellationToken.None);
            Assert.That(completed.Where(j => j.ChangeType != ChangeTypes.Delete && j.LastError == "cancelled: the repository was removed").Select(j => j.TargetStorage).Distinct(),
                Is.EquivalentTo(new[] { "gitaly-2", "gitaly-3" }), "the copies queued for the stopped secondaries were cancelled");
        }

        Assert.That(cluster.Nodes.Any(n => Directory.Exists(n.RepositoryPath("doomed.git"))), Is.False, "no copy recreated the removed repository");
        _ = restarted;
    }

    private static async Task PrintOnFailureAsync(PraefectCluster cluster, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch
        {
            cluster.PrintLogs();
            throw;
        }
    }

    private static Repository Virtual(string relativePath) => new() { StorageName = PraefectCluster.VirtualStorage, RelativePath = relativePath };

    private static async Task CallAsync<TRequest, TResponse>(PraefectProcess praefect, Method<TRequest, TResponse> method, TRequest request)
        where TRequest : class where TResponse : class
    {
        using var channel = praefect.OpenChannel();
        await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(GitalyChannel.AuthHeaders(PraefectCluster.AuthToken), DateTime.UtcNow.AddSeconds(30)), request);
    }

    private static bool IsRepository(GitalyLiteNode node, string relativePath) => File.Exists(Path.Combine(node.RepositoryPath(relativePath), "HEAD"));

    private static string AttributesPath(GitalyLiteNode node, string relativePath) => Path.Combine(node.RepositoryPath(relativePath), "info", "attributes");

    private static string? ReadAttributes(GitalyLiteNode node, string relativePath) =>
        File.Exists(AttributesPath(node, relativePath)) ? File.ReadAllText(AttributesPath(node, relativePath)) : null;
}
