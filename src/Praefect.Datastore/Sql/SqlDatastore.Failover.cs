using System.Globalization;
using Praefect.Datastore.Failover;

namespace Praefect.Datastore.Sql;

/// <summary>Failover state: the primary compare-and-swap, the switch history and the lost-writes marks.</summary>
internal abstract partial class SqlDatastore : IFailoverStore
{
    public async Task<string> EnsurePrimaryAsync(string virtualStorage, string initialPrimary, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, null,
            """
            INSERT INTO virtual_storage_primaries (virtual_storage, storage, updated_at) VALUES (@vs, @storage, @now)
            ON CONFLICT (virtual_storage) DO NOTHING
            """,
            cancellationToken, ("@vs", virtualStorage), ("@storage", initialPrimary), ("@now", Now)).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            "SELECT storage FROM virtual_storage_primaries WHERE virtual_storage = @vs", ("@vs", virtualStorage));
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<long?> SwitchPrimaryAsync(PrimarySwitch change, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The compare-and-swap: a concurrent switch by another praefect makes this match no row.
        var switched = await SqlCommands.ExecuteAsync(connection, transaction,
            "UPDATE virtual_storage_primaries SET storage = @new, updated_at = @now WHERE virtual_storage = @vs AND storage = @expected",
            cancellationToken, ("@vs", change.VirtualStorage), ("@new", change.NewPrimary), ("@expected", change.ExpectedPrimary), ("@now", now)).ConfigureAwait(false);
        if (switched != 1)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        long id;
        await using (var command = SqlCommands.Create(connection, transaction,
            """
            INSERT INTO primary_switches (virtual_storage, previous_primary, new_primary, trigger_name, forced, lost_repositories, instance, created_at)
            VALUES (@vs, @previous, @new, @trigger, @forced, @lost, @instance, @now)
            RETURNING id
            """,
            ("@vs", change.VirtualStorage), ("@previous", change.ExpectedPrimary), ("@new", change.NewPrimary), ("@trigger", change.Trigger),
            ("@forced", change.Forced ? 1L : 0L), ("@lost", (long)change.LostWrites.Count), ("@instance", change.Instance), ("@now", now)))
        {
            id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        foreach (var lost in change.LostWrites)
        {
            // A repository still marked from an earlier switch keeps its mark, now pointing at this switch.
            await SqlCommands.ExecuteAsync(connection, transaction,
                """
                INSERT INTO lost_writes (virtual_storage, relative_path, switch_id, latest_generation, created_at)
                VALUES (@vs, @path, @switch, @latest, @now)
                ON CONFLICT (virtual_storage, relative_path) DO UPDATE SET switch_id = excluded.switch_id,
                    latest_generation = excluded.latest_generation, accepted_storage = NULL, accepted_generation = NULL
                """,
                cancellationToken, ("@vs", change.VirtualStorage), ("@path", lost.RelativePath), ("@switch", id),
                ("@latest", lost.LatestGeneration), ("@now", now)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<IReadOnlyList<PrimarySwitchRecord>> GetPrimarySwitchesAsync(string virtualStorage, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            """
            SELECT id, virtual_storage, previous_primary, new_primary, trigger_name, forced, lost_repositories, instance, created_at
            FROM primary_switches WHERE virtual_storage = @vs ORDER BY id
            """,
            ("@vs", virtualStorage));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<PrimarySwitchRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new PrimarySwitchRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5) != 0, (int)reader.GetInt64(6), reader.GetString(7), UnixMillis.To(reader.GetInt64(8))));
        }

        return result;
    }

    public async Task<IReadOnlyList<LostWritesRecord>> GetLostWritesAsync(string virtualStorage, string primary, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            """
            SELECT l.relative_path, l.switch_id, l.latest_generation, l.accepted_storage, l.accepted_generation, COALESCE(s.generation, 0)
            FROM lost_writes l
            LEFT JOIN storage_repositories s ON s.virtual_storage = l.virtual_storage AND s.relative_path = l.relative_path AND s.storage = @primary
            WHERE l.virtual_storage = @vs
            ORDER BY l.relative_path
            """,
            ("@vs", virtualStorage), ("@primary", primary));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<LostWritesRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LostWritesRecord(
                virtualStorage, reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                SqlCommands.NullableString(reader, 3), SqlCommands.NullableLong(reader, 4), reader.GetInt64(5)));
        }

        return result;
    }

    public async Task<long?> AcceptDatalossAsync(string virtualStorage, string relativePath, string authoritativeStorage, bool releaseNow, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        object? raised;
        await using (var command = SqlCommands.Create(connection, transaction,
            "UPDATE repositories SET generation = generation + 1 WHERE virtual_storage = @vs AND relative_path = @path RETURNING generation",
            ("@vs", virtualStorage), ("@path", relativePath)))
        {
            raised = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        if (raised is null or DBNull)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        var generation = Convert.ToInt64(raised, CultureInfo.InvariantCulture);
        // Set, not raise: the authoritative copy becomes the latest whatever it held before.
        await SqlCommands.ExecuteAsync(connection, transaction,
            """
            INSERT INTO storage_repositories (virtual_storage, relative_path, storage, generation) VALUES (@vs, @path, @storage, @generation)
            ON CONFLICT (virtual_storage, relative_path, storage) DO UPDATE SET generation = excluded.generation
            """,
            cancellationToken, ("@vs", virtualStorage), ("@path", relativePath), ("@storage", authoritativeStorage), ("@generation", generation)).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction,
            releaseNow
                ? "DELETE FROM lost_writes WHERE virtual_storage = @vs AND relative_path = @path"
                : "UPDATE lost_writes SET accepted_storage = @storage, accepted_generation = @generation WHERE virtual_storage = @vs AND relative_path = @path",
            cancellationToken, ("@vs", virtualStorage), ("@path", relativePath), ("@storage", authoritativeStorage), ("@generation", generation)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return generation;
    }

    public async Task ReleaseLostWritesAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, null,
            "DELETE FROM lost_writes WHERE virtual_storage = @vs AND relative_path = @path AND accepted_generation IS NOT NULL",
            cancellationToken, ("@vs", virtualStorage), ("@path", relativePath)).ConfigureAwait(false);
    }
}
