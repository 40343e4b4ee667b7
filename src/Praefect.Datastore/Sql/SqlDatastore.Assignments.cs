using System.Data.Common;

namespace Praefect.Datastore.Sql;

/// <summary>Repository assignments (<c>repository_assignments</c>): which storages hold a repository, set by set-replication-factor.</summary>
internal abstract partial class SqlDatastore
{
    public async Task<IReadOnlyList<string>> GetAssignmentsAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAssignmentsAsync(connection, null, virtualStorage, relativePath, lockRows: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>?> SetReplicationFactorAsync(string virtualStorage, string relativePath, int factor, string primary,
        IReadOnlyList<string> configured, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        (string, object?)[] key = [("@vs", virtualStorage), ("@path", relativePath)];

        // Locking the repository's row serializes concurrent changes of its assignments (as the Go Praefect does).
        await using (var command = SqlCommands.Create(connection, transaction,
            $"SELECT generation FROM repositories WHERE virtual_storage = @vs AND relative_path = @path {RowLockClause}", key))
        {
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null or DBNull)
            {
                return null;
            }
        }

        var existing = await ReadAssignmentsAsync(connection, transaction, virtualStorage, relativePath, lockRows: true, cancellationToken).ConfigureAwait(false);
        var planned = RepositoryAssignments.Plan(existing.Where(configured.Contains).ToList(), configured, primary, factor, Random.Shared);
        foreach (var storage in existing.Except(planned))
        {
            await SqlCommands.ExecuteAsync(connection, transaction,
                "DELETE FROM repository_assignments WHERE virtual_storage = @vs AND relative_path = @path AND storage = @storage",
                cancellationToken, [.. key, ("@storage", storage)]).ConfigureAwait(false);
        }

        foreach (var storage in planned.Except(existing))
        {
            await SqlCommands.ExecuteAsync(connection, transaction,
                "INSERT INTO repository_assignments (virtual_storage, relative_path, storage) VALUES (@vs, @path, @storage)",
                cancellationToken, [.. key, ("@storage", storage)]).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return planned;
    }

    private async Task<IReadOnlyList<string>> ReadAssignmentsAsync(DbConnection connection, DbTransaction? transaction, string virtualStorage, string relativePath,
        bool lockRows, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction,
            $"SELECT storage FROM repository_assignments WHERE virtual_storage = @vs AND relative_path = @path ORDER BY storage {(lockRows ? RowLockClause : "")}",
            ("@vs", virtualStorage), ("@path", relativePath));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var storages = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            storages.Add(reader.GetString(0));
        }

        return storages;
    }

    /// <summary>The assignment rows of the repositories selected by <paramref name="where"/> (over alias <c>r</c>), by (virtual storage, path).</summary>
    private static async Task<Dictionary<(string, string), List<string>>> ReadAssignmentsAsync(DbConnection connection, string where, (string, object?)[] parameters,
        CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, null,
            $"SELECT r.virtual_storage, r.relative_path, r.storage FROM repository_assignments r {where} ORDER BY r.storage",
            parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<(string, string), List<string>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!result.TryGetValue(key, out var storages))
            {
                result[key] = storages = [];
            }

            storages.Add(reader.GetString(2));
        }

        return result;
    }
}
