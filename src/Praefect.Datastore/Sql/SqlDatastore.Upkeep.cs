namespace Praefect.Datastore.Sql;

/// <summary>Queue upkeep: superseding dead jobs, reclaiming leases of stopped praefects, pruning finished jobs.</summary>
internal abstract partial class SqlDatastore
{
    public async Task<int> SupersedeDeadAsync(ReplicationJob job, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Closed as completed and pointing at the job that covered them; attempts and last_error stay as history.
        return await SqlCommands.ExecuteAsync(connection, null,
            """
            UPDATE replication_jobs SET state = 'completed', updated_at = @now, collapsed_into = @id
            WHERE virtual_storage = @vs AND relative_path = @path AND target_storage = @target
              AND state = 'dead' AND id < @id
            """,
            cancellationToken, ("@now", Now), ("@id", job.Id), ("@vs", job.VirtualStorage), ("@path", job.RelativePath), ("@target", job.TargetStorage)).ConfigureAwait(false);
    }

    public async Task<int> ReclaimLeasesAsync(DateTimeOffset aliveSince, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlCommands.ExecuteAsync(connection, null,
            """
            UPDATE replication_jobs SET state = 'ready', updated_at = @now, next_attempt_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE state = 'in_progress' AND lease_expires_at >= @now
              AND NOT EXISTS (SELECT 1 FROM praefect_instances p
                              WHERE p.heartbeat_at >= @alive AND replication_jobs.lease_owner LIKE p.instance_id || '/%')
            """,
            cancellationToken, ("@now", now), ("@alive", UnixMillis.FromClamped(aliveSince))).ConfigureAwait(false);
    }

    public async Task<int> PruneCompletedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlCommands.ExecuteAsync(connection, null,
            "DELETE FROM replication_jobs WHERE state = 'completed' AND updated_at < @before",
            cancellationToken, ("@before", UnixMillis.FromClamped(finishedBefore))).ConfigureAwait(false);
    }
}
