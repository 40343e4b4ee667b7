using System.Diagnostics;
using Npgsql;
using Praefect.Configuration.Runtime;
using Praefect.Datastore;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Failover;

/// <summary>
/// failover.enabled: the primary dies, a secondary takes over; several praefects promote once. The
/// recovery time is printed, not asserted: timings belong in benchmarks (docs/benchmarks.md), not in
/// a test that must pass on a loaded machine.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AutomaticFailoverTests
{
    private const int FailoverAfterSeconds = 2;
    // Only the "fails over" line has it; quote-free, so it matches however the JSON log escapes quotes.
    private const string SwitchedLog = "(automatic, ";
    private static readonly TimeSpan Bound = Wait.Converge;
    private FailoverCluster? _cluster;

    private static void Automatic(RuntimeConfig config)
    {
        config.Failover.Enabled = true;
        config.Failover.FailoverAfterSeconds = FailoverAfterSeconds;
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_cluster is not null)
        {
            if (TestFailure.IsCurrentTestFailing())
            {
                _cluster.PrintLogs();
            }

            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    [Test]
    public async Task PrimaryKilled_FailoverEnabled_SecondaryTakesWrites()
    {
        _cluster = await FailoverCluster.StartAsync(Automatic);
        var tree = await _cluster.CreateRepositoryAsync("auto/a.git");
        Assert.That((await _cluster.PushAsync(tree, "auto/a.git")).Succeeded, Is.True);
        await _cluster.WaitUntilReplicatedAsync(Bound);
        var config = _cluster.Praefect.Config.Failover;

        var killed = Stopwatch.StartNew();
        _cluster.Node("praefect-git-1").Kill();
        await Git.AddCommitsAsync(tree, 1);
        var attempts = 0;
        await Wait.UntilAsync(async () =>
        {
            attempts++;
            return (await _cluster.PushAsync(tree, "auto/a.git")).Succeeded;
        }, Bound, "a push to succeed after the primary was killed");
        var recovery = killed.Elapsed;

        Assert.That(await _cluster.PrimaryAsync(), Is.EqualTo("praefect-git-2"));
        Assert.That(_cluster.Praefect.LinesContaining(SwitchedLog), Has.Count.EqualTo(1));
        Assert.That(await Git.ForEachRefAsync(_cluster.Node("praefect-git-2").RepositoryPath("auto/a.git"), "refs/heads/"),
            Is.EqualTo(await Git.ForEachRefAsync(tree, "refs/heads/")));
        TestContext.Out.WriteLine($"RTO (primary killed -> first successful push): {recovery.TotalMilliseconds:0} ms after {attempts} push attempts; " +
            $"health check every {config.HealthCheckIntervalMs} ms, unhealthy after {config.UnhealthyThreshold}, failover after {FailoverAfterSeconds} s");
    }

    [Test]
    public async Task PrimaryKilled_TwoPraefectsOnPostgres_ExactlyOnePromotion()
    {
        var admin = Environment.GetEnvironmentVariable("PRAEFECT_TEST_PG");
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Ignore("needs PRAEFECT_TEST_PG (start a server with: eval \"$(tests/pg-throwaway.sh start)\")");
        }

        var database = "praefect_failover_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin!, $"CREATE DATABASE {database}");
        try
        {
            var server = new NpgsqlConnectionStringBuilder(admin);
            void OnPostgres(RuntimeConfig config)
            {
                Automatic(config);
                config.Database = new DatabaseConfig { Host = server.Host!, Port = server.Port, User = server.Username!, Dbname = database, Sslmode = "disable" };
            }

            _cluster = await FailoverCluster.StartAsync(OnPostgres, praefects: 2);
            var tree = await _cluster.CreateRepositoryAsync("auto/pg.git");
            Assert.That((await _cluster.PushAsync(tree, "auto/pg.git")).Succeeded, Is.True);
            await _cluster.WaitUntilReplicatedAsync(Bound);

            _cluster.Node("praefect-git-1").Kill();
            await Wait.UntilAsync(async () => (await Task.WhenAll(_cluster.Praefects.Select(p => _cluster.PrimaryAsync(p)))).All(p => p == "praefect-git-2"),
                Bound, "both praefects to route to praefect-git-2");
            foreach (var praefect in _cluster.Praefects)
            {
                var push = await _cluster.CommitAndPushAsync(tree, "auto/pg.git", praefect);
                Assert.That(push.Succeeded, Is.True, push.Stderr);
            }

            await using var store = DatastoreFactory.CreatePostgres(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString);
            var switches = await store.GetPrimarySwitchesAsync(FailoverCluster.VirtualStorage, CancellationToken.None);
            Assert.That(switches.Select(s => (s.PreviousPrimary, s.NewPrimary, s.Trigger)), Is.EqualTo(new[] { ("praefect-git-1", "praefect-git-2", "automatic") }));
            Assert.That(_cluster.Praefects.Sum(p => p.LinesContaining(SwitchedLog).Count), Is.EqualTo(1));
        }
        finally
        {
            if (_cluster is not null)
            {
                if (TestFailure.IsCurrentTestFailing())
                {
                    _cluster.PrintLogs();
                }

                await _cluster.DisposeAsync();
                _cluster = null;
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
