using Npgsql;

namespace Praefect.Ctl.Tests.Commands.SqlMigrate;

/// <summary>sql-migrate and sql-ping against a real SQLite file and, when PRAEFECT_TEST_PG is set, PostgreSQL.</summary>
public sealed class SqlCommandsTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("praefect-ctl-sql-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_directory, "config.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = CtlApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Test]
    public void SqlMigrate_SqliteTwice_AppliesThenUpToDate()
    {
        var config = WriteConfig($"data_dir: {_directory}\n");
        var database = Path.Combine(_directory, "praefect.db");

        var first = Run("sql-migrate", "--config", config);
        var second = Run("sql-migrate", "--config", config);

        Assert.That(first, Is.EqualTo((0, $"sqlite {database}: applied 6 migrations\n  0001_replication_queue\n  0002_generations_and_primaries\n  0010_failover\n  0011_remove_and_rename\n  0012_replication_correlation_id\n  0013_repository_assignments\n", "")));
        Assert.That(second, Is.EqualTo((0, $"sqlite {database}: up to date (6 migrations applied before)\n", "")));
    }

    [Test]
    public void SqlPing_Sqlite_PrintsVersion()
    {
        var config = WriteConfig($"data_dir: {_directory}\n");

        var (exit, output, error) = Run("sql-ping", "-c", config);

        Assert.That((exit, error), Is.EqualTo((0, "")));
        Assert.That(output, Does.Match($"^sqlite {Path.Combine(_directory, "praefect.db")}: OK \\(SQLite 3\\.[0-9.]+\\)\n$"));
    }

    [Test]
    public void SqlMigrate_DataDirIsAFile_ExitOneWithWhereAndHow()
    {
        var config = WriteConfig($"data_dir: {_directory}/config.yml\n");

        var result = Run("sql-migrate", "--config", config);

        Assert.That(result, Is.EqualTo((1, "", $"praefect-ctl sql-migrate: error: cannot open the SQLite database '{_directory}/config.yml/praefect.db': The file '{_directory}/config.yml' already exists. Check that the directory exists and that praefect may write to it.\n")));
    }

    [Test]
    public void SqlPing_ConfigMissing_ExitTwoNamingTheFile()
    {
        var path = Path.Combine(_directory, "absent.yml");

        var (exit, output, error) = Run("sql-ping", "--config", path);

        Assert.That((exit, output), Is.EqualTo((2, "")));
        Assert.That(error, Does.StartWith($"{path}: error: cannot read the runtime config: "));
    }

    [Test]
    public void SqlPing_PostgresUnreachable_ExitOneWithHint()
    {
        var config = WriteConfig("database:\n  host: 127.0.0.1\n  port: 1\n  user: praefect\n  password: hunter2\n  dbname: praefect\n  sslmode: disable\n");

        var (exit, output, error) = Run("sql-ping", "--config", config);

        Assert.That((exit, output), Is.EqualTo((1, "")));
        Assert.That(error, Does.StartWith("praefect-ctl sql-ping: error: cannot connect to PostgreSQL at 127.0.0.1:1/praefect: "));
        Assert.That(error, Does.EndWith(". Check database_host, database_port, database_user, database_password and database_dbname in gitlab.rb.\n"));
        Assert.That(error, Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task SqlMigrate_Postgres_AppliesAndPings()
    {
        var server = Environment.GetEnvironmentVariable("PRAEFECT_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore("PostgreSQL tests need PRAEFECT_TEST_PG (start a server with: eval \"$(tests/pg-throwaway.sh start)\")");
        }

        var builder = new NpgsqlConnectionStringBuilder(server);
        var name = "praefect_ctl_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var config = WriteConfig($"database:\n  host: {builder.Host}\n  port: {builder.Port}\n  user: {builder.Username}\n  dbname: {name}\n  sslmode: disable\n");

            var migrate = Run("sql-migrate", "--config", config);
            var ping = Run("sql-ping", "--config", config);

            Assert.That(migrate, Is.EqualTo((0, $"postgres {builder.Host}:{builder.Port}/{name}: applied 6 migrations\n  0001_replication_queue\n  0002_generations_and_primaries\n  0010_failover\n  0011_remove_and_rename\n  0012_replication_correlation_id\n  0013_repository_assignments\n", "")));
            Assert.That(ping.Out, Does.StartWith($"postgres {builder.Host}:{builder.Port}/{name}: OK (PostgreSQL 15"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
