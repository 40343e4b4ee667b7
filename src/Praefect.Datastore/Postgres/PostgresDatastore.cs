using System.Data.Common;
using Npgsql;
using Praefect.Datastore.Sql;

namespace Praefect.Datastore.Postgres;

/// <summary>
/// The shared datastore: PostgreSQL through a pooled <see cref="NpgsqlDataSource"/>. Several praefects
/// dequeue concurrently with <c>FOR UPDATE SKIP LOCKED</c>; migrations serialize on an advisory lock.
/// </summary>
internal sealed class PostgresDatastore : SqlDatastore
{
    /// <summary>Arbitrary key of the advisory lock that serializes migrations ("praf").</summary>
    private const long MigrationLockKey = 0x70726166;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatastore(string connectionString, TimeProvider time)
        : base(time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Backend => "postgres";

    public override string Location { get; }

    protected override string DequeueLockClause => "FOR UPDATE OF j SKIP LOCKED";

    protected override string RowLockClause => "FOR UPDATE";

    protected override string VersionQuery => "SELECT 'PostgreSQL ' || current_setting('server_version')";

    protected override string MigrationFolder => "Postgres/Migrations/";

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new DatastoreException($"cannot connect to PostgreSQL at {Location}: {e.Message.TrimEnd('.')}. Check database_host, database_port, database_user, database_password and database_dbname in gitlab.rb.", e);
        }
    }

    protected override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        SqlCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("@key", MigrationLockKey));

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
