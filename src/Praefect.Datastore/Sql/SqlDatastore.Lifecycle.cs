namespace Praefect.Datastore.Sql;

/// <summary>Removes and renames: what the datastore does once the primary acknowledged one.</summary>
internal abstract partial class SqlDatastore
{
    private const string QueuedStates = "('pending', 'ready', 'failed')";
    private const string NotLifecycle = "change_type NOT IN ('delete', 'rename')";

    public async Task<int> RemoveRepositoryAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        (string, object?)[] key = [("@vs", virtualStorage), ("@path", relativePath)];
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM repositories WHERE virtual_storage = @vs AND relative_path = @path", cancellationToken, key).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM storage_repositories WHERE virtual_storage = @vs AND relative_path = @path", cancellationToken, key).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM repository_assignments WHERE virtual_storage = @vs AND relative_path = @path", cancellationToken, key).ConfigureAwait(false);
        var cancelled = await SqlCommands.ExecuteAsync(connection, transaction,
            $"""
            UPDATE replication_jobs SET state = 'completed', updated_at = @now, lease_owner = NULL, lease_expires_at = NULL,
                                        last_error = 'cancelled: the repository was removed'
            WHERE virtual_storage = @vs AND relative_path = @path AND state IN {QueuedStates} AND change_type <> 'delete'
            """,
            cancellationToken, [.. key, ("@now", now)]).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return cancelled;
    }

    public async Task RenameRepositoryAsync(string virtualStorage, string relativePath, string newRelativePath, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        (string, object?)[] parameters = [("@vs", virtualStorage), ("@path", relativePath), ("@to", newRelativePath), ("@now", now)];

        // Whatever was recorded under the new path is stale: the primary refused a rename onto an existing repository.
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM repositories WHERE virtual_storage = @vs AND relative_path = @to", cancellationToken, parameters).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM storage_repositories WHERE virtual_storage = @vs AND relative_path = @to", cancellationToken, parameters).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM repository_assignments WHERE virtual_storage = @vs AND relative_path = @to", cancellationToken, parameters).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "UPDATE repositories SET relative_path = @to WHERE virtual_storage = @vs AND relative_path = @path", cancellationToken, parameters).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "UPDATE storage_repositories SET relative_path = @to WHERE virtual_storage = @vs AND relative_path = @path", cancellationToken, parameters).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "UPDATE repository_assignments SET relative_path = @to WHERE virtual_storage = @vs AND relative_path = @path", cancellationToken, parameters).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction,
            $"UPDATE replication_jobs SET relative_path = @to, updated_at = @now WHERE virtual_storage = @vs AND relative_path = @path AND state IN ('pending', 'ready', 'failed', 'in_progress') AND {NotLifecycle}",
            cancellationToken, parameters).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteRepositoryJobsAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        (string, object?)[] parameters = [("@vs", virtualStorage), ("@path", relativePath), ("@now", now)];
        const string Running = "state = 'in_progress' AND lease_expires_at >= @now";
        await SqlCommands.ExecuteAsync(connection, transaction,
            $"DELETE FROM replication_jobs WHERE virtual_storage = @vs AND relative_path = @path AND NOT ({Running})", cancellationToken, parameters).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, transaction,
            $"SELECT COUNT(*) FROM replication_jobs WHERE virtual_storage = @vs AND relative_path = @path AND {Running}", parameters);
        var running = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return running;
    }

    public async Task CancelJobsAsync(IReadOnlyList<long> ids, string reason, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var (list, idParameters) = SqlCommands.IdList(ids);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, null,
            $"UPDATE replication_jobs SET state = 'completed', updated_at = @now, lease_owner = NULL, lease_expires_at = NULL, last_error = @reason WHERE id IN ({list}) AND state IN {QueuedStates}",
            cancellationToken, [.. idParameters, ("@now", Now), ("@reason", reason)]).ConfigureAwait(false);
    }

    public async Task<int> CancelEarlierJobsAsync(ReplicationJob job, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlCommands.ExecuteAsync(connection, null,
            $"""
            UPDATE replication_jobs SET state = 'completed', updated_at = @now, lease_owner = NULL, lease_expires_at = NULL, last_error = @reason
            WHERE virtual_storage = @vs AND relative_path = @path AND target_storage = @target AND id < @id AND state IN {QueuedStates} AND change_type <> 'delete'
            """,
            cancellationToken, ("@now", Now), ("@reason", reason), ("@vs", job.VirtualStorage), ("@path", job.RelativePath), ("@target", job.TargetStorage), ("@id", job.Id)).ConfigureAwait(false);
    }
}
