using Praefect.Configuration.Runtime;

namespace Praefect.Datastore.Tests;

public sealed class DatastoreFactoryTests
{
    [Test]
    public async Task Create_NoDatabaseHost_SqliteInTheDataDir()
    {
        var config = new RuntimeConfig { DataDir = "/var/opt/gitlab/praefect" };

        await using var store = DatastoreFactory.Create(config);

        Assert.That(store.Backend, Is.EqualTo("sqlite"));
        Assert.That(store.Location, Is.EqualTo("/var/opt/gitlab/praefect/praefect.db"));
    }

    [Test]
    public async Task Create_DatabaseHost_PostgresWithoutSecretInLocation()
    {
        var config = new RuntimeConfig
        {
            Database = new DatabaseConfig { Host = "db.internal", Port = 5433, User = "praefect", Password = "s3cret", Dbname = "praefect_production", Sslmode = "disable" },
        };

        await using var store = DatastoreFactory.Create(config);

        Assert.That(store.Backend, Is.EqualTo("postgres"));
        Assert.That(store.Location, Is.EqualTo("db.internal:5433/praefect_production"));
    }

    [Test]
    public void PostgresConnectionString_Fields_MappedToNpgsql()
    {
        var text = DatastoreFactory.PostgresConnectionString(new DatabaseConfig { Host = "db", Port = 5432, User = "u", Password = "p", Dbname = "d", Sslmode = "verify-full" });

        Assert.That(text, Is.EqualTo("Host=db;Port=5432;Username=u;Database=d;SSL Mode=VerifyFull;Application Name=praefect;Password=p"));
    }

    [Test]
    public void PostgresConnectionString_UnknownSslMode_ErrorNamesTheChoices()
    {
        var error = Assert.Throws<DatastoreException>(() => DatastoreFactory.PostgresConnectionString(new DatabaseConfig { Host = "db", Sslmode = "sometimes" }));

        Assert.That(error!.Message, Is.EqualTo("database sslmode 'sometimes' is not one of disable, allow, prefer, require, verify-ca, verify-full; set praefect['database_sslmode'] to one of them."));
    }

    [Test]
    public async Task MigrateAsync_DataDirMissing_CreatedWithTheDatabase()
    {
        using var directory = new Support.TempDirectory();
        var path = Path.Combine(directory.Path, "var", "opt", "praefect.db");
        await using var store = DatastoreFactory.CreateSqlite(path);

        await store.MigrateAsync(CancellationToken.None);

        Assert.That(File.Exists(path), Is.True);
    }

    [Test]
    public async Task MigrateAsync_DataDirIsAFile_ErrorSaysWhereAndHow()
    {
        using var directory = new Support.TempDirectory();
        var file = Path.Combine(directory.Path, "data");
        await File.WriteAllTextAsync(file, "not a directory");
        await using var store = DatastoreFactory.CreateSqlite(Path.Combine(file, "praefect.db"));

        var error = Assert.ThrowsAsync<DatastoreException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo($"cannot open the SQLite database '{file}/praefect.db': The file '{file}' already exists. Check that the directory exists and that praefect may write to it."));
    }
}
