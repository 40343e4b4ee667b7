using System.Data.Common;

namespace Praefect.Datastore.Sql;

/// <summary>
/// The datastore over ADO.NET, shared by both backends: the SQL is common (unix-millisecond times,
/// <c>ON CONFLICT</c> upserts, <c>RETURNING</c>); a backend supplies connections, the dequeue lock
/// clause, the migration lock and its migrations. Split by concern over partial files.
/// </summary>
internal abstract partial class SqlDatastore : IDatastore
{
    private readonly TimeProvider _time;

    protected SqlDatastore(TimeProvider time)
    {
        _time = time;
    }

    public abstract string Backend { get; }

    public abstract string Location { get; }

    /// <summary>Appended to the dequeue's inner SELECT (PostgreSQL: <c>FOR UPDATE OF j SKIP LOCKED</c>).</summary>
    protected abstract string DequeueLockClause { get; }

    /// <summary>Appended to a SELECT of the rows a transaction is about to change (PostgreSQL: <c>FOR UPDATE</c>; SQLite locks the file).</summary>
    protected abstract string RowLockClause { get; }

    /// <summary>A query returning the server version as text.</summary>
    protected abstract string VersionQuery { get; }

    /// <summary>The embedded migration folder, e.g. "Sqlite/Migrations/".</summary>
    protected abstract string MigrationFolder { get; }

    /// <summary>An open connection from the pool.</summary>
    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Serializes migrations across processes inside <paramref name="transaction"/>.</summary>
    protected abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected long Now => UnixMillis.From(_time.GetUtcNow());

    public async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null, VersionQuery);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = Migration.Load(MigrationFolder);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockMigrationsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<long>();
        await using (var command = SqlCommands.Create(connection, transaction, "SELECT version FROM schema_migrations"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        var appliedNow = new List<string>();
        var already = new List<string>();
        foreach (var migration in migrations)
        {
            if (applied.Contains(migration.Version))
            {
                already.Add(migration.Name);
                continue;
            }

            try
            {
                await SqlCommands.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new DatastoreException($"{Backend} migration {migration.Name}.sql failed: {e.Message}", e);
            }

            await SqlCommands.ExecuteAsync(connection, transaction,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)",
                cancellationToken, ("@version", migration.Version), ("@name", migration.Name), ("@now", Now)).ConfigureAwait(false);
            appliedNow.Add(migration.Name);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new MigrationResult(appliedNow, already);
    }

    public async Task<string?> GetPrimaryAsync(string virtualStorage, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            "SELECT storage FROM virtual_storage_primaries WHERE virtual_storage = @vs", ("@vs", virtualStorage));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SetPrimaryAsync(string virtualStorage, string storage, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, null,
            """
            INSERT INTO virtual_storage_primaries (virtual_storage, storage, updated_at) VALUES (@vs, @storage, @now)
            ON CONFLICT (virtual_storage) DO UPDATE SET storage = excluded.storage, updated_at = excluded.updated_at
            """,
            cancellationToken, ("@vs", virtualStorage), ("@storage", storage), ("@now", Now)).ConfigureAwait(false);
    }

    public async Task HeartbeatAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, null,
            """
            INSERT INTO praefect_instances (instance_id, heartbeat_at) VALUES (@id, @now)
            ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """,
            cancellationToken, ("@id", instanceId), ("@now", Now)).ConfigureAwait(false);
    }
}
