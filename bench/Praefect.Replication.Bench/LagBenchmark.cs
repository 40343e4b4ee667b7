using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.Server.Nodes;
using Praefect.Server.Replication;
using Praefect.TestSupport;

namespace Praefect.Replication.Bench;

/// <summary>
/// Replication lag: from a write acknowledged (its ticket completed) until both secondaries' jobs are
/// completed, which the replicator only does after CalculateChecksum matched on source and target.
/// Three gitaly-lite nodes, the SQLite datastore, the real scheduler and replicator; each write is a
/// small git push (one commit) into the primary's repository, wrapped as the proxy wraps a mutator.
/// </summary>
internal static class LagBenchmark
{
    private const int Repositories = 4;

    public static async Task RunAsync(int writes)
    {
        Console.WriteLine();
        Console.WriteLine($"## Replication lag (3 gitaly-lite nodes, SQLite, {writes} small pushes per scenario)");
        var nodes = new List<GitalyLiteNode>();
        using var directory = new TempDirectory("bench-lag");
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                nodes.Add(await GitalyLiteNode.StartAsync($"gitaly-{i}", $"token-{i}"));
            }

            await using var store = DatastoreFactory.CreateSqlite(directory.Combine("praefect.db"));
            await store.MigrateAsync(CancellationToken.None);
            var config = new VirtualStorageConfig { Name = "praefect", Nodes = nodes.Select((n, i) => new NodeConfig { Storage = n.Storage, Address = n.Address, Token = n.Token, Primary = i == 0 }).ToList() };
            using var connections = new NodeManager(new RuntimeConfig { VirtualStorages = [config] });
            var replicationNodes = new NodeConnectionsReplicationNodes(connections);
            var instance = new ReplicationInstance();
            var signal = new ReplicationSignal();
            var options = ReplicationOptions.From(new ReplicationConfig());
            var scheduler = new DurableReplicationScheduler(store, replicationNodes, instance, signal, NullLogger<DurableReplicationScheduler>.Instance);
            using var service = new ReplicationService(store, replicationNodes, instance, signal, options, TimeProvider.System, NullLoggerFactory.Instance,
                new Praefect.Server.Metrics.PraefectMetrics("bench", Prometheus.Metrics.NewCustomRegistry()));
            await service.StartAsync(CancellationToken.None);

            var works = new List<string>();
            for (var r = 0; r < Repositories; r++)
            {
                var work = await Git.CreateRepositoryAsync(directory.Combine($"work-{r}"), commits: 1);
                await Git.RunAsync(work, "clone", "--quiet", "--bare", work, nodes[0].RepositoryPath($"repo-{r}.git"));
                await Git.RunAsync(work, "remote", "add", "primary", nodes[0].RepositoryPath($"repo-{r}.git"));
                works.Add(work);
            }

            var idle = new List<double>();
            for (var i = 0; i < writes; i++)
            {
                idle.Add(await WriteAndWaitAsync(store, scheduler, works, i));
            }

            Console.WriteLine($"idle (one push at a time): lag {Percentiles.Format(idle)}");

            foreach (var rate in new[] { 10, 20 })
            {
                var lags = new ConcurrentBag<double>();
                var interval = TimeSpan.FromSeconds(1.0 / rate);
                var started = Stopwatch.StartNew();
                var inFlight = new List<Task>();
                for (var i = 0; i < writes; i++)
                {
                    var due = interval * i;
                    if (started.Elapsed < due)
                    {
                        await Task.Delay(due - started.Elapsed);
                    }

                    var index = writes + i;
                    inFlight.Add(Task.Run(async () => lags.Add(await WriteAndWaitAsync(store, scheduler, works, index))));
                }

                await Task.WhenAll(inFlight);
                var achieved = writes / started.Elapsed.TotalSeconds;
                Console.WriteLine($"{rate} pushes/s offered ({achieved:0.0}/s achieved): lag {Percentiles.Format([.. lags])}");
            }

            await service.StopAsync(CancellationToken.None);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static readonly SemaphoreSlim[] RepositoryLocks = Enumerable.Range(0, Repositories).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>One write (serialized per repository, as git would); returns its lag in milliseconds.</summary>
    private static async Task<double> WriteAndWaitAsync(IDatastore store, DurableReplicationScheduler scheduler, IReadOnlyList<string> works, int index)
    {
        var repository = index % Repositories;
        DurableReplicationTicket ticket;
        await RepositoryLocks[repository].WaitAsync();
        try
        {
            ticket = (DurableReplicationTicket)await scheduler.BeginMutatorAsync("praefect", $"repo-{repository}.git", "gitaly-1", "/gitaly.SSHService/SSHReceivePack", CancellationToken.None);
            await Git.AddCommitsAsync(works[repository], 1);
            await Git.RunAsync(works[repository], "push", "--quiet", "primary", "main");
        }
        finally
        {
            RepositoryLocks[repository].Release();
        }

        var acknowledged = Stopwatch.GetTimestamp();
        await ticket.CompleteAsync(true, CancellationToken.None);
        var pending = ticket.Ids.ToList();
        while (pending.Count > 0)
        {
            var job = await store.GetJobAsync(pending[0], CancellationToken.None);
            if (job?.State == JobState.Completed)
            {
                pending.RemoveAt(0);
                continue;
            }

            await Task.Delay(2);
        }

        return Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds;
    }
}
