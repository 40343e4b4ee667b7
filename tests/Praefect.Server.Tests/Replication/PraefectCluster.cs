using Gitaly;
using Npgsql;
using Praefect.Configuration.Runtime;
using Praefect.TestSupport;

namespace Praefect.Server.Tests.Replication;

/// <summary>
/// Three gitaly-lite nodes behind one or more real praefect processes sharing a datastore (SQLite in
/// a data dir that survives restarts, or a fresh PostgreSQL database), with git pushes through praefect.
/// </summary>
internal sealed class PraefectCluster : IAsyncDisposable
{
    public const string AuthToken = "replication-e2e-secret";
    public const string VirtualStorage = "praefect";

    private readonly TempDirectory _directory = new("praefect-cluster");
    private readonly List<GitalyLiteNode> _nodes = [];
    private readonly List<PraefectProcess> _praefects = [];
    private string? _database;
    private string? _adminConnectionString;

    public IReadOnlyList<GitalyLiteNode> Nodes => _nodes;

    public IReadOnlyList<PraefectProcess> Praefects => _praefects;

    public static async Task<PraefectCluster> StartNodesAsync(bool postgres)
    {
        var cluster = new PraefectCluster();
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                cluster._nodes.Add(await GitalyLiteNode.StartAsync($"gitaly-{i}", $"node-{i}-secret"));
            }

            if (postgres)
            {
                await cluster.CreateDatabaseAsync();
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A praefect config on a new port, sharing this cluster's datastore.</summary>
    public RuntimeConfig NewConfig()
    {
        var config = PraefectProcess.ConfigFor(VirtualStorage, AuthToken, _nodes.Select(n => (n.Storage, n.Address, n.Token)).ToArray());
        config.DataDir = _directory.Combine("data");
        config.Replication = new ReplicationConfig { WorkersPerNode = 2, MaxAttempts = 50, LeaseMs = 2_000, BackoffBaseMs = 50, BackoffMaxMs = 500, PollIntervalMs = 200, UnavailableRetryMs = 200 };
        if (_database is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString);
            config.Database = new DatabaseConfig { Host = builder.Host!, Port = builder.Port, User = builder.Username!, Dbname = _database, Sslmode = "disable" };
        }

        return config;
    }

    public async Task<PraefectProcess> StartPraefectAsync(RuntimeConfig config)
    {
        var praefect = await PraefectProcess.StartAsync(config);
        _praefects.Add(praefect);
        return praefect;
    }

    /// <summary>Creates a repository through praefect and pushes a first commit.</summary>
    public async Task<string> CreateRepositoryAsync(PraefectProcess praefect, string relativePath)
    {
        using var channel = praefect.OpenChannel();
        await new RepositoryService.RepositoryServiceClient(channel).CreateRepositoryAsync(
            new CreateRepositoryRequest { Repository = new Repository { StorageName = VirtualStorage, RelativePath = relativePath } },
            GitalyChannel.AuthHeaders(AuthToken), DateTime.UtcNow.AddSeconds(30));
        var work = await Git.CreateRepositoryAsync(_directory.Combine("work", relativePath), commits: 1);
        var push = await PushAsync(praefect, relativePath, work);
        Assert.That(push.Succeeded, Is.True, push.Stderr);
        return work;
    }

    /// <summary>Adds a commit and pushes it through praefect (the result tells whether praefect took it).</summary>
    public async Task<GitResult> CommitAndPushAsync(PraefectProcess praefect, string relativePath, string work)
    {
        await Git.AddCommitsAsync(work, 1);
        return await PushAsync(praefect, relativePath, work);
    }

    private static Task<GitResult> PushAsync(PraefectProcess praefect, string relativePath, string work) =>
        Git.TryRunAsync(work, GitalyBridge.Environment(BridgeMode.ReceivePack, praefect.Address, VirtualStorage, relativePath, AuthToken),
            "push", "--force", GitalyBridge.RemoteUrl, "main:main");

    /// <summary>Waits until every node holds the primary's refs of every repository.</summary>
    public Task WaitForConvergenceAsync(IEnumerable<string> relativePaths, TimeSpan timeout) =>
        Wait.UntilAsync(async () =>
        {
            foreach (var path in relativePaths)
            {
                var expected = await Git.ForEachRefAsync(_nodes[0].RepositoryPath(path));
                foreach (var node in _nodes.Skip(1))
                {
                    if (!Directory.Exists(node.RepositoryPath(path)) || await Git.ForEachRefAsync(node.RepositoryPath(path)) != expected)
                    {
                        return false;
                    }
                }
            }

            return true;
        }, timeout, "every secondary to hold the primary's refs of every repository");

    public void PrintLogs()
    {
        foreach (var praefect in _praefects)
        {
            praefect.Process.PrintLog();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var praefect in _praefects)
        {
            await praefect.DisposeAsync();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        _directory.Dispose();
    }

    private async Task CreateDatabaseAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable("PRAEFECT_TEST_PG");
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            Assert.Ignore("PostgreSQL tests need PRAEFECT_TEST_PG (start a server with: eval \"$(tests/pg-throwaway.sh start)\")");
        }

        _database = "praefect_e2e_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        await create.ExecuteNonQueryAsync();
    }
}
