using System.Data.Common;
using Microsoft.Data.Sqlite;
using Praefect.Datastore.Sql;

namespace Praefect.Datastore.Sqlite;

/// <summary>
/// The embedded datastore: one SQLite file in WAL mode (readers never block the writer), a busy
/// timeout so concurrent writers wait instead of failing, and full sync so a commit survives a crash.
/// One praefect per file; several praefects share a PostgreSQL database instead.
/// </summary>
internal sealed class SqliteDatastore : SqlDatastore
{
    private readonly string _path;
    private readonly string _connectionString;
    private int _walEnabled;

    public SqliteDatastore(string path, TimeProvider time)
        : base(time)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Backend => "sqlite";

    public override string Location => _path;

    protected override string DequeueLockClause => "";

    protected override string RowLockClause => "";

    protected override string VersionQuery => "SELECT 'SQLite ' || sqlite_version()";

    protected override string MigrationFolder => "Sqlite/Migrations/";

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            if (Interlocked.CompareExchange(ref _walEnabled, 0, 0) == 0 && Path.GetDirectoryName(_path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory); // The data dir of a fresh install.
            }

            if (Volatile.Read(ref _walEnabled) == 0 && SqliteFileCheck.Problem(_path) is { } problem)
            {
                throw new DatastoreException(SqliteFileCheck.Refusal(_path, problem));
            }

            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await SqlCommands.ExecuteAsync(connection, null, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;", cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref _walEnabled) == 0)
            {
                await SqlCommands.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);

                // A read-only file or data dir otherwise shows only at the first write, as a bare "SQLite Error 8".
                await SqlCommands.ExecuteAsync(connection, null, "BEGIN IMMEDIATE; ROLLBACK;", cancellationToken).ConfigureAwait(false);
                Interlocked.Exchange(ref _walEnabled, 1);
            }

            return connection;
        }
        catch (DatastoreException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new DatastoreException($"cannot open the SQLite database '{_path}': {e.Message.TrimEnd('.')}. Check that the directory exists and that praefect may write to it.", e);
        }
    }

    protected override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // Microsoft.Data.Sqlite transactions are BEGIN IMMEDIATE: the write lock is held already.

    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
