using System.Data.Common;

namespace Praefect.Datastore.Sql;

/// <summary>The replication queue: recording, readiness, dequeue under a lease, completion and failure.</summary>
internal abstract partial class SqlDatastore
{
    private const string JobColumns =
        "id, virtual_storage, relative_path, source_storage, target_storage, change_type, state, attempts, last_error, " +
        "created_at, ready_at, started_at, next_attempt_at, lease_owner, lease_expires_at, collapsed_into, new_relative_path, correlation_id";

    public async Task<IReadOnlyList<long>> RecordPendingAsync(IReadOnlyList<JobRequest> jobs, string instanceId, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return [];
        }

        var now = Now;
        var ids = new List<long>(jobs.Count);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = jobs.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        foreach (var job in jobs)
        {
            await using var command = SqlCommands.Create(connection, transaction,
                """
                INSERT INTO replication_jobs (virtual_storage, relative_path, source_storage, target_storage, change_type,
                                              state, attempts, created_at, updated_at, next_attempt_at, lease_owner, new_relative_path, correlation_id)
                VALUES (@vs, @path, @source, @target, @change, 'pending', 0, @now, @now, @now, @owner, @newPath, @correlation)
                RETURNING id
                """,
                ("@vs", job.VirtualStorage), ("@path", job.RelativePath), ("@source", job.SourceStorage),
                ("@target", job.TargetStorage), ("@change", job.ChangeType), ("@now", now), ("@owner", instanceId), ("@newPath", job.NewRelativePath),
                ("@correlation", job.CorrelationId));
            ids.Add(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture));
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return ids;
    }

    public async Task MarkReadyAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var now = Now;
        var (list, idParameters) = SqlCommands.IdList(ids);
        (string, object?)[] parameters = [.. idParameters, ("@now", now)];
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Update first: a concurrent sweep either promoted a job before (we copy it below) or waits for us.
        var promoted = new HashSet<long>();
        await using (var command = SqlCommands.Create(connection, transaction,
            $"UPDATE replication_jobs SET state = 'ready', ready_at = @now, updated_at = @now, next_attempt_at = @now, lease_owner = NULL WHERE id IN ({list}) AND state = 'pending' RETURNING id",
            parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                promoted.Add(reader.GetInt64(0));
            }
        }

        var missed = ids.Where(id => !promoted.Contains(id)).ToList();
        if (missed.Count > 0)
        {
            // Promoted early (maybe replicated before the mutator ended): record the change again.
            var (missedList, missedParameters) = SqlCommands.IdList(missed);
            await SqlCommands.ExecuteAsync(connection, transaction,
                $"""
                INSERT INTO replication_jobs (virtual_storage, relative_path, source_storage, target_storage, change_type,
                                              state, attempts, created_at, ready_at, updated_at, next_attempt_at, new_relative_path, correlation_id)
                SELECT virtual_storage, relative_path, source_storage, target_storage, change_type, 'ready', 0, @now, @now, @now, @now, new_relative_path, correlation_id
                FROM replication_jobs WHERE id IN ({missedList})
                """,
                cancellationToken, [.. missedParameters, ("@now", now)]).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PromotePendingAsync(DateTimeOffset aliveSince, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlCommands.ExecuteAsync(connection, null,
            """
            UPDATE replication_jobs SET state = 'ready', ready_at = @now, updated_at = @now, next_attempt_at = @now, lease_owner = NULL
            WHERE state = 'pending'
              AND (lease_owner IS NULL OR lease_owner NOT IN (SELECT instance_id FROM praefect_instances WHERE heartbeat_at >= @alive))
            """,
            cancellationToken, ("@now", Now), ("@alive", UnixMillis.FromClamped(aliveSince))).ConfigureAwait(false);
    }

    public async Task<ReplicationJob?> DequeueAsync(string virtualStorage, string targetStorage, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            $"""
            UPDATE replication_jobs SET state = 'in_progress', lease_owner = @owner, lease_expires_at = @until, started_at = @now, updated_at = @now
            WHERE id = (
                SELECT j.id FROM replication_jobs j
                WHERE j.virtual_storage = @vs AND j.target_storage = @target
                  AND ((j.state IN ('ready', 'failed') AND j.next_attempt_at <= @now)
                       OR (j.state = 'in_progress' AND j.lease_expires_at < @now))
                  AND NOT EXISTS (
                      SELECT 1 FROM replication_jobs r
                      WHERE r.virtual_storage = j.virtual_storage AND r.relative_path = j.relative_path
                        AND r.target_storage = j.target_storage AND r.state = 'in_progress'
                        AND r.lease_expires_at >= @now AND r.id <> j.id)
                ORDER BY j.id
                LIMIT 1
                {DequeueLockClause})
            RETURNING {JobColumns}
            """,
            ("@owner", owner), ("@until", now + (long)lease.TotalMilliseconds), ("@now", now),
            ("@vs", virtualStorage), ("@target", targetStorage));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadJob(reader) : null;
    }

    public async Task<bool> RenewLeaseAsync(long id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlCommands.ExecuteAsync(connection, null,
            "UPDATE replication_jobs SET lease_expires_at = @until, updated_at = @now WHERE id = @id AND state = 'in_progress' AND lease_owner = @owner",
            cancellationToken, ("@until", now + (long)lease.TotalMilliseconds), ("@now", now), ("@id", id), ("@owner", owner)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> CompleteAsync(ReplicationJob job, string owner, long? copiedGeneration, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var completed = await SqlCommands.ExecuteAsync(connection, transaction,
            "UPDATE replication_jobs SET state = 'completed', updated_at = @now, lease_owner = NULL, lease_expires_at = NULL WHERE id = @id AND state = 'in_progress' AND lease_owner = @owner",
            cancellationToken, ("@now", now), ("@id", job.Id), ("@owner", owner)).ConfigureAwait(false);
        if (completed == 0)
        {
            return false;
        }

        // Jobs that were ready before this one started are covered by its fetch: never run them twice.
        await SqlCommands.ExecuteAsync(connection, transaction,
            """
            UPDATE replication_jobs SET state = 'completed', updated_at = @now, collapsed_into = @id
            WHERE virtual_storage = @vs AND relative_path = @path AND target_storage = @target
              AND state IN ('ready', 'failed') AND ready_at <= @started AND id <> @id
              AND (change_type = @change OR (change_type NOT IN ('delete', 'rename') AND @change NOT IN ('delete', 'rename')))
            """,
            cancellationToken, ("@now", now), ("@id", job.Id), ("@vs", job.VirtualStorage), ("@path", job.RelativePath),
            ("@target", job.TargetStorage), ("@started", UnixMillis.From(job.StartedAt ?? UnixMillis.To(now))), ("@change", job.ChangeType)).ConfigureAwait(false);

        if (copiedGeneration is { } generation)
        {
            await RaiseStorageGenerationAsync(connection, transaction, job.VirtualStorage, job.RelativePath, job.TargetStorage, generation, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<JobState?> FailAsync(ReplicationJob job, string owner, string error, RetryPolicy policy, CancellationToken cancellationToken)
    {
        var now = Now;
        var attempts = job.Attempts + 1;
        var state = attempts >= policy.MaxAttempts ? JobState.Dead : JobState.Failed;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var updated = await SqlCommands.ExecuteAsync(connection, null,
            """
            UPDATE replication_jobs SET state = @state, attempts = @attempts, last_error = @error, updated_at = @now,
                   next_attempt_at = @next, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND state = 'in_progress' AND lease_owner = @owner
            """,
            cancellationToken, ("@state", state.ToName()), ("@attempts", (long)attempts), ("@error", error), ("@now", now),
            ("@next", now + (long)policy.DelayAfter(attempts).TotalMilliseconds), ("@id", job.Id), ("@owner", owner)).ConfigureAwait(false);
        return updated == 1 ? state : null;
    }

    public async Task<bool> ReleaseAsync(ReplicationJob job, string owner, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlCommands.ExecuteAsync(connection, null,
            """
            UPDATE replication_jobs SET state = 'ready', last_error = @reason, updated_at = @now, next_attempt_at = @next,
                   lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND state = 'in_progress' AND lease_owner = @owner
            """,
            cancellationToken, ("@reason", reason), ("@now", now), ("@next", now + (long)delay.TotalMilliseconds),
            ("@id", job.Id), ("@owner", owner)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> HasNewerJobAsync(ReplicationJob job, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            """
            SELECT COUNT(*) FROM replication_jobs
            WHERE virtual_storage = @vs AND relative_path = @path AND target_storage = @target AND id <> @id
              AND (state = 'pending' OR (state IN ('ready', 'failed') AND ready_at > @started))
            """,
            ("@vs", job.VirtualStorage), ("@path", job.RelativePath), ("@target", job.TargetStorage), ("@id", job.Id),
            ("@started", UnixMillis.From(job.StartedAt ?? DateTimeOffset.UnixEpoch)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<IReadOnlyList<QueueStatus>> GetQueueStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            """
            SELECT virtual_storage, target_storage, state, COUNT(*), MIN(created_at) FROM replication_jobs
            GROUP BY virtual_storage, target_storage, state
            ORDER BY virtual_storage, target_storage, state
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<QueueStatus>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new QueueStatus(reader.GetString(0), reader.GetString(1), JobStateNames.Parse(reader.GetString(2)),
                reader.GetInt64(3), UnixMillis.To(SqlCommands.NullableLong(reader, 4))));
        }

        return rows;
    }

    public async Task<IReadOnlyList<ReplicationJob>> GetJobsAsync(JobState state, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null,
            $"SELECT {JobColumns} FROM replication_jobs WHERE state = @state ORDER BY id DESC LIMIT @limit",
            ("@state", state.ToName()), ("@limit", (long)limit));
        return await ReadJobsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReplicationJob?> GetJobAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqlCommands.Create(connection, null, $"SELECT {JobColumns} FROM replication_jobs WHERE id = @id", ("@id", id));
        return (await ReadJobsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<ReplicationJob>> ReadJobsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var jobs = new List<ReplicationJob>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(ReadJob(reader));
        }

        return jobs;
    }

    private static ReplicationJob ReadJob(DbDataReader reader) => new(
        Id: reader.GetInt64(0),
        VirtualStorage: reader.GetString(1),
        RelativePath: reader.GetString(2),
        SourceStorage: reader.GetString(3),
        TargetStorage: reader.GetString(4),
        ChangeType: reader.GetString(5),
        State: JobStateNames.Parse(reader.GetString(6)),
        Attempts: (int)reader.GetInt64(7),
        LastError: SqlCommands.NullableString(reader, 8),
        CreatedAt: UnixMillis.To(reader.GetInt64(9)),
        ReadyAt: UnixMillis.To(SqlCommands.NullableLong(reader, 10)),
        StartedAt: UnixMillis.To(SqlCommands.NullableLong(reader, 11)),
        NextAttemptAt: UnixMillis.To(reader.GetInt64(12)),
        LeaseOwner: SqlCommands.NullableString(reader, 13),
        LeaseExpiresAt: UnixMillis.To(SqlCommands.NullableLong(reader, 14)),
        CollapsedInto: SqlCommands.NullableLong(reader, 15),
        NewRelativePath: SqlCommands.NullableString(reader, 16),
        CorrelationId: SqlCommands.NullableString(reader, 17));
}
