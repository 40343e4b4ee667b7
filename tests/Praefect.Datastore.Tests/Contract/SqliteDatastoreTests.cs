using Praefect.Datastore.Tests.Support;

namespace Praefect.Datastore.Tests.Contract;

[TestFixture]
public sealed class SqliteDatastoreTests : DatastoreContract
{
    private TempDirectory? _directory;

    protected override string ExpectedBackend => "sqlite";

    protected override Task CreateDatabaseAsync()
    {
        _directory = new TempDirectory();
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        _directory?.Dispose();
        return Task.CompletedTask;
    }

    protected override IDatastore NewStore(TimeProvider time) =>
        DatastoreFactory.CreateSqlite(Path.Combine(_directory!.Path, DatastoreFactory.SqliteFileName), time);
}
