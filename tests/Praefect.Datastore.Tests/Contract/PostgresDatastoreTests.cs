using Praefect.Datastore.Tests.Support;

namespace Praefect.Datastore.Tests.Contract;

/// <summary>Runs when PRAEFECT_TEST_PG names a server (CI starts one); ignored otherwise.</summary>
[TestFixture]
public sealed class PostgresDatastoreTests : DatastoreContract
{
    private PostgresTestDatabase? _database;

    protected override string ExpectedBackend => "postgres";

    protected override async Task CreateDatabaseAsync() => _database = await PostgresTestDatabase.CreateAsync();

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
    }

    protected override IDatastore NewStore(TimeProvider time) => DatastoreFactory.CreatePostgres(_database!.ConnectionString, time);
}
