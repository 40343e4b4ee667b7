using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Praefect.Datastore;
using Praefect.Server.Replication;
using Praefect.TestSupport;

namespace Praefect.Replication.Bench;

/// <summary>
/// What durable recording adds to one write: BeginMutatorAsync (pending jobs for two secondaries)
/// plus CompleteAsync (generation raised, jobs ready), against a no-op scheduler as the baseline.
/// </summary>
internal static class RecordingBenchmark
{
    private sealed class FixedNodes : IReplicationNodes
    {
        public IReadOnlyList<string> VirtualStorages => ["praefect"];

        public IReadOnlyList<string> Storages(string virtualStorage) => ["gitaly-1", "gitaly-2", "gitaly-3"];

        public ReplicationNode? Find(string virtualStorage, string storage) => null;

        public bool IsHealthy(string virtualStorage, string storage) => true;
    }

    public static async Task RunAsync(int writes)
    {
        Console.WriteLine($"## Recording latency per write ({writes} writes, 2 secondaries)");
        var baseline = await MeasureAsync(null, writes);
        Console.WriteLine($"baseline (no recording): {Percentiles.Format(baseline)}");
        using (var directory = new TempDirectory("bench-sqlite"))
        {
            await using var sqlite = DatastoreFactory.CreateSqlite(directory.Combine("praefect.db"));
            Report("sqlite", baseline, await MeasureAsync(sqlite, writes));
        }

        var server = Environment.GetEnvironmentVariable("PRAEFECT_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("postgres: skipped (set PRAEFECT_TEST_PG)");
            return;
        }

        var name = "praefect_bench_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        try
        {
            await using var postgres = DatastoreFactory.CreatePostgres(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
            Report("postgres", baseline, await MeasureAsync(postgres, writes));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static void Report(string backend, IReadOnlyList<double> baseline, IReadOnlyList<double> measured) =>
        Console.WriteLine($"{backend}: {Percentiles.Format(measured)}; added over the baseline: p50 {Percentiles.Of(measured, 50) - Percentiles.Of(baseline, 50):0.00} ms, p99 {Percentiles.Of(measured, 99) - Percentiles.Of(baseline, 99):0.00} ms");

    private static async Task<IReadOnlyList<double>> MeasureAsync(IDatastore? store, int writes)
    {
        IReplicationScheduler scheduler;
        if (store is null)
        {
            scheduler = new NoRecording();
        }
        else
        {
            await store.MigrateAsync(CancellationToken.None);
            scheduler = new DurableReplicationScheduler(store, new FixedNodes(), new ReplicationInstance(), new ReplicationSignal(), NullLogger<DurableReplicationScheduler>.Instance);
        }

        var sample = new List<double>(writes);
        for (var i = 0; i < writes + 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ticket = await scheduler.BeginMutatorAsync("praefect", $"repo-{i % 50}.git", "gitaly-1", "/gitaly.SSHService/SSHReceivePack", CancellationToken.None);
            await ticket.CompleteAsync(true, CancellationToken.None);
            if (i >= 20)
            {
                sample.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return sample;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class NoRecording : IReplicationScheduler, IReplicationTicket
    {
        public ValueTask<IReplicationTicket> BeginMutatorAsync(string virtualStorage, string relativePath, string primaryStorage, string method, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReplicationTicket>(this);

        public ValueTask<IReplicationTicket> BeginChangeAsync(string virtualStorage, string relativePath, string primaryStorage, string changeType, string? newRelativePath, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReplicationTicket>(this);

        public ValueTask CompleteAsync(bool succeeded, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
