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
/// Three gitaly-lite nodes, the SQLite datastore, the real scheduler and replicator (default runtime
/// settings); writes come from <see cref="WriteLoad"/> (gRPC WriteRef, parallel across repositories).
/// Scenarios: idle (one write at a time), a steady rate sustained (lag per third, to show growth),
/// and the highest offered rate (default 30 writes/s).
/// </summary>
internal static class LagBenchmark
{
    private const int Repositories = 16;

    public static async Task RunAsync(BenchOptions bench)
    {
        Console.WriteLine();
        Console.WriteLine($"## Replication lag (3 gitaly-lite nodes, SQLite, {Repositories} repositories, writes = gRPC WriteRef)");
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
            using var primary = nodes[0].OpenChannel();

            var repositories = new List<(string, string[])>();
            for (var r = 0; r < Repositories; r++)
            {
                var work = await Git.CreateRepositoryAsync(directory.Combine($"work-{r}"), commits: 2);
                await Git.RunAsync(work, "clone", "--quiet", "--bare", work, nodes[0].RepositoryPath($"repo-{r}.git"));
                var commits = (await Git.RunAsync(work, "rev-list", "--max-count=2", "HEAD")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                repositories.Add(($"repo-{r}.git", commits));
            }

            var load = new WriteLoad(store, scheduler, primary, nodes[0].Token, repositories);
            for (var r = 0; r < Repositories; r++)
            {
                await load.WriteAndWaitAsync(r); // First copies (full clone) out of the figures.
            }

            var index = Repositories;
            var idle = new List<double>();
            var writesAlone = new List<double>();
            for (var i = 0; i < bench.IdleWrites; i++)
            {
                var (write, lag) = await load.WriteAndWaitAsync(index++);
                idle.Add(lag);
                writesAlone.Add(write);
            }

            Console.WriteLine($"idle ({bench.IdleWrites} writes, one at a time): write {Percentiles.Format(writesAlone)}; lag {Percentiles.Format(idle)}");

            var (steady, achieved) = await load.OfferAsync(bench.Rate, bench.Duration, index);
            index += steady.Count;
            var lags = steady.Select(s => s.Lag).ToList();
            var third = Math.Max(1, lags.Count / 3);
            Console.WriteLine($"{bench.Rate} writes/s offered for {bench.Duration.TotalSeconds:0} s ({achieved:0.0}/s achieved): write {Percentiles.Format([.. steady.Select(s => s.Write)])}; lag {Percentiles.Format(lags)}");
            Console.WriteLine($"  lag by third: first {Percentiles.Format(lags.Take(third).ToList())}; last {Percentiles.Format(lags.Skip(lags.Count - third).ToList())}");

            var (peak, peakAchieved) = await load.OfferAsync(bench.PeakRate, bench.PeakDuration, index);
            Console.WriteLine($"{bench.PeakRate} writes/s offered for {bench.PeakDuration.TotalSeconds:0} s ({peakAchieved:0.0}/s achieved): write {Percentiles.Format([.. peak.Select(s => s.Write)])}; lag {Percentiles.Format([.. peak.Select(s => s.Lag)])}");

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
}
