using System.Data.Common;
using System.Globalization;

namespace Praefect.Datastore.Sql;

/// <summary>Repository generations: the repository's (raised per acknowledged mutator) and each storage's copy.</summary>
internal abstract partial class SqlDatastore
{
    public Task<long> IncrementGenerationAsync(string virtualStorage, string relativePath, string primaryStorage, CancellationToken cancellationToken) =>
        IncrementGenerationAsync(virtualStorage, relativePath, [primaryStorage], cancellationToken);

    public async Task<long> IncrementGenerationAsync(string virtualStorage, string relativePath, IReadOnlyCollection<string> storages, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long generation;
        await using (var command = SqlCommands.Create(connection, transaction,
            """
            INSERT INTO repositories (virtual_storage, relative_path, generation) VALUES (@vs, @path, 1)
            ON CONFLICT (virtual_storage, relative_path) DO UPDATE SET generation = repositories.generation + 1
            RETURNING generation
            """,
            ("@vs", virtualStorage), ("@path", relativePath)))
        {
            generation = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        foreach (var storage in storages)
        {
            await RaiseStorageGenerationAsync(connection, transaction, virtualStorage, relativePath, storage, generation, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return generation;
    }

    public async Task<long?> GetStorageGenerationAsync(string virtualStorage, string relativePath, string storage, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            "SELECT generation FROM storage_repositories WHERE virtual_storage = @vs AND relative_path = @path AND storage = @storage",
            ("@vs", virtualStorage), ("@path", relativePath), ("@storage", storage));
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public async Task<RepositoryGenerations?> GetGenerationsAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken)
    {
        var all = await ReadGenerationsAsync("WHERE r.virtual_storage = @vs AND r.relative_path = @path",
            [("@vs", virtualStorage), ("@path", relativePath)], cancellationToken).ConfigureAwait(false);
        return all.SingleOrDefault();
    }

    public Task<IReadOnlyList<RepositoryGenerations>> GetAllGenerationsAsync(string? virtualStorage, CancellationToken cancellationToken) =>
        virtualStorage is null
            ? ReadGenerationsAsync("", [], cancellationToken)
            : ReadGenerationsAsync("WHERE r.virtual_storage = @vs", [("@vs", virtualStorage)], cancellationToken);

    private async Task<IReadOnlyList<RepositoryGenerations>> ReadGenerationsAsync(string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            $"""
            SELECT r.virtual_storage, r.relative_path, r.generation, s.storage, s.generation
            FROM repositories r
            LEFT JOIN storage_repositories s ON s.virtual_storage = r.virtual_storage AND s.relative_path = r.relative_path
            {where}
            ORDER BY r.virtual_storage, r.relative_path, s.storage
            """,
            parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<RepositoryGenerations>();
        Dictionary<string, long>? storages = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (vs, path) = (reader.GetString(0), reader.GetString(1));
            if (result.Count == 0 || result[^1].VirtualStorage != vs || result[^1].RelativePath != path)
            {
                storages = new Dictionary<string, long>(StringComparer.Ordinal);
                result.Add(new RepositoryGenerations(vs, path, reader.GetInt64(2), storages));
            }

            if (!reader.IsDBNull(3))
            {
                storages![reader.GetString(3)] = reader.GetInt64(4);
            }
        }

        await reader.DisposeAsync().ConfigureAwait(false);
        var assignments = await ReadAssignmentsAsync(connection, where, parameters, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < result.Count; i++)
        {
            if (assignments.TryGetValue((result[i].VirtualStorage, result[i].RelativePath), out var assigned))
            {
                result[i] = result[i] with { Assigned = assigned };
            }
        }

        return result;
    }

    /// <summary>Records that a storage holds at least <paramref name="generation"/> (never lowers it).</summary>
    private static Task<int> RaiseStorageGenerationAsync(DbConnection connection, DbTransaction transaction, string virtualStorage, string relativePath, string storage, long generation, CancellationToken cancellationToken) =>
        SqlCommands.ExecuteAsync(connection, transaction,
            """
            INSERT INTO storage_repositories (virtual_storage, relative_path, storage, generation) VALUES (@vs, @path, @storage, @generation)
            ON CONFLICT (virtual_storage, relative_path, storage) DO UPDATE SET generation =
                CASE WHEN excluded.generation > storage_repositories.generation THEN excluded.generation ELSE storage_repositories.generation END
            """,
            cancellationToken, ("@vs", virtualStorage), ("@path", relativePath), ("@storage", storage), ("@generation", generation));
}
