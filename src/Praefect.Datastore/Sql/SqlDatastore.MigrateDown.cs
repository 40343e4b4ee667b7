using System.Data.Common;

namespace Praefect.Datastore.Sql;

/// <summary>sql-migrate-down: rolls back the most recently applied migrations with their down steps, newest first.</summary>
internal abstract partial class SqlDatastore
{
    public async Task<IReadOnlyList<string>> PlanMigrateDownAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return (await RollbackPlanAsync(connection, transaction, count, cancellationToken).ConfigureAwait(false)).Select(m => m.Name).ToList();
    }

    public async Task<IReadOnlyList<string>> MigrateDownAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockMigrationsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var plan = await RollbackPlanAsync(connection, transaction, count, cancellationToken).ConfigureAwait(false);
        foreach (var migration in plan)
        {
            try
            {
                await SqlCommands.ExecuteAsync(connection, transaction, migration.Down!, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new DatastoreException($"{Backend} down step {migration.Name}.down.sql failed: {e.Message}; nothing was rolled back", e);
            }

            await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM schema_migrations WHERE version = @version",
                cancellationToken, ("@version", migration.Version)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return plan.Select(m => m.Name).ToList();
    }

    /// <summary>
    /// The <paramref name="count"/> newest applied migrations, newest first; throws naming the first of them
    /// this build cannot roll back (unknown to it, or without a down step), so nothing is half rolled back.
    /// </summary>
    private async Task<IReadOnlyList<Migration>> RollbackPlanAsync(DbConnection connection, DbTransaction transaction, int count, CancellationToken cancellationToken)
    {
        var known = Migration.Load(MigrationFolder).ToDictionary(m => m.Version);
        var applied = new List<(long Version, string Name)>();
        try
        {
            await using var command = SqlCommands.Create(connection, transaction,
                "SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT @count", ("@count", (long)count));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        catch (DbException)
        {
            // No schema_migrations table: nothing was applied, nothing to roll back.
            return [];
        }

        var plan = new List<Migration>(applied.Count);
        foreach (var (version, name) in applied)
        {
            if (!known.TryGetValue(version, out var migration))
            {
                throw new DatastoreException($"migration {name} was applied by another praefect build and this one has no down step for it; roll it back with the build that applied it");
            }

            if (migration.Down is null)
            {
                throw new DatastoreException($"migration {name} has no down step ({MigrationFolder}{name}.down.sql); it cannot be rolled back, restore the database from a backup instead");
            }

            plan.Add(migration);
        }

        return plan;
    }
}
