namespace Praefect.Datastore;

/// <summary>
/// Praefect's durable state: the replication queue, repository generations, the primary of each
/// virtual storage and the instances alive. Backends (SQLite, PostgreSQL) sit beside this interface;
/// <see cref="DatastoreFactory"/> chooses one. Every method is safe to call from many threads and,
/// for PostgreSQL, from several praefect processes sharing the database.
/// </summary>
public interface IDatastore : IAsyncDisposable, Failover.IFailoverStore
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Backend { get; }

    /// <summary>Where the data lives, without secrets (a file path, or host:port/dbname).</summary>
    string Location { get; }

    /// <summary>Applies the migrations not yet applied, in order; safe to run concurrently.</summary>
    Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Every migration this build knows and every one the database recorded, by name, with when it was applied.</summary>
    Task<IReadOnlyList<MigrationStatus>> GetMigrationStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The names of the <paramref name="count"/> most recently applied migrations that <see cref="MigrateDownAsync"/>
    /// would roll back, newest first. Throws <see cref="DatastoreException"/> naming a migration without a down step.
    /// </summary>
    Task<IReadOnlyList<string>> PlanMigrateDownAsync(int count, CancellationToken cancellationToken);

    /// <summary>Rolls back the <paramref name="count"/> most recently applied migrations (all or none); returns their names, newest first.</summary>
    Task<IReadOnlyList<string>> MigrateDownAsync(int count, CancellationToken cancellationToken);

    /// <summary>Opens a connection and runs a trivial query; returns the server version.</summary>
    Task<string> PingAsync(CancellationToken cancellationToken);

    // --- The queue ---

    /// <summary>Records jobs in state pending, owned by <paramref name="instanceId"/>; returns their ids in order.</summary>
    Task<IReadOnlyList<long>> RecordPendingAsync(IReadOnlyList<JobRequest> jobs, string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks pending jobs ready. A job that is no longer pending (promoted by a sweep, maybe already
    /// replicated before the mutator ended) is recorded again as a new ready job, so no change is lost.
    /// </summary>
    Task MarkReadyAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Makes ready every pending job whose owner has no heartbeat at or after <paramref name="aliveSince"/>
    /// (pass <see cref="DateTimeOffset.MaxValue"/> to promote them all). Returns how many.
    /// </summary>
    Task<int> PromotePendingAsync(DateTimeOffset aliveSince, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="instanceId"/> is alive now.</summary>
    Task HeartbeatAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the oldest due job for a target (ready, failed with its backoff elapsed, or in progress
    /// with an expired lease) unless the same repository is already in progress on that target, and
    /// leases it to <paramref name="owner"/> until now + <paramref name="lease"/>. Null when none is due.
    /// </summary>
    Task<ReplicationJob?> DequeueAsync(string virtualStorage, string targetStorage, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held by <paramref name="owner"/>; false when it was lost.</summary>
    Task<bool> RenewLeaseAsync(long id, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Completes a leased job, collapses the ready or failed jobs of the same repository and target that
    /// were ready when it started (they are covered), and records that the target holds at least
    /// <paramref name="copiedGeneration"/>. False when the lease was lost (nothing changed).
    /// </summary>
    Task<bool> CompleteAsync(ReplicationJob job, string owner, long? copiedGeneration, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt: failed with the policy's backoff, or dead after its max attempts. Null when the lease was lost.</summary>
    Task<JobState?> FailAsync(ReplicationJob job, string owner, string error, RetryPolicy policy, CancellationToken cancellationToken);

    /// <summary>Gives a leased job back without counting an attempt (its target is unreachable); due again after <paramref name="delay"/>.</summary>
    Task<bool> ReleaseAsync(ReplicationJob job, string owner, string reason, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the dead jobs of the same repository and target recorded before <paramref name="job"/> (which
    /// brought the target up to the latest generation): state completed, <c>collapsed_into</c> the job,
    /// attempts and last error kept as history. Returns how many.
    /// </summary>
    Task<int> SupersedeDeadAsync(ReplicationJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Makes ready again the jobs in progress under a live lease whose owner (a worker id starting with
    /// its instance id and '/') belongs to no praefect with a heartbeat at or after <paramref name="aliveSince"/>
    /// (pass <see cref="DateTimeOffset.MaxValue"/> at the start of the only praefect of a SQLite file). Returns how many.
    /// </summary>
    Task<int> ReclaimLeasesAsync(DateTimeOffset aliveSince, CancellationToken cancellationToken);

    /// <summary>Deletes the completed jobs finished before <paramref name="finishedBefore"/>. Returns how many.</summary>
    Task<int> PruneCompletedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken);

    /// <summary>True when a job for the same repository and target became ready or pending after <paramref name="job"/> started.</summary>
    Task<bool> HasNewerJobAsync(ReplicationJob job, CancellationToken cancellationToken);

    /// <summary>Counts per virtual storage, target and state, with the oldest creation time.</summary>
    Task<IReadOnlyList<QueueStatus>> GetQueueStatusAsync(CancellationToken cancellationToken);

    /// <summary>Jobs in <paramref name="state"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ReplicationJob>> GetJobsAsync(JobState state, int limit, CancellationToken cancellationToken);

    /// <summary>One job by id, or null.</summary>
    Task<ReplicationJob?> GetJobAsync(long id, CancellationToken cancellationToken);

    // --- Generations ---

    /// <summary>Raises a repository's generation after an acknowledged mutator and records that the primary holds it. Returns the new generation.</summary>
    Task<long> IncrementGenerationAsync(string virtualStorage, string relativePath, string primaryStorage, CancellationToken cancellationToken);

    /// <summary>
    /// Raises a repository's generation after a reference transaction and records that exactly
    /// <paramref name="storages"/> (the primary and the secondaries that committed) hold it; the other
    /// storages keep their generation (outdated). Returns the new generation.
    /// </summary>
    Task<long> IncrementGenerationAsync(string virtualStorage, string relativePath, IReadOnlyCollection<string> storages, CancellationToken cancellationToken);

    /// <summary>The generation a storage holds of a repository, or null when unknown.</summary>
    Task<long?> GetStorageGenerationAsync(string virtualStorage, string relativePath, string storage, CancellationToken cancellationToken);

    /// <summary>Generations of one repository, or null when no mutator was ever recorded for it.</summary>
    Task<RepositoryGenerations?> GetGenerationsAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken);

    /// <summary>Every repository (of one virtual storage, or all when null) with its generations; filter with <see cref="RepositoryGenerations.Outdated"/>.</summary>
    Task<IReadOnlyList<RepositoryGenerations>> GetAllGenerationsAsync(string? virtualStorage, CancellationToken cancellationToken);

    // --- Assignments ---

    /// <summary>
    /// The storages a repository's assignment rows name, sorted (empty: none recorded, every storage is assigned).
    /// Ask <see cref="RepositoryAssignments.Of"/> which configured storages that assigns.
    /// </summary>
    Task<IReadOnlyList<string>> GetAssignmentsAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken);

    /// <summary>
    /// set-replication-factor: assigns or unassigns storages of <paramref name="configured"/> until <paramref name="factor"/> hold the
    /// repository (<see cref="RepositoryAssignments.Plan"/>: <paramref name="primary"/> is assigned first and never unassigned).
    /// Returns the assignments, sorted, or null when the repository is not tracked (has no generation).
    /// </summary>
    Task<IReadOnlyList<string>?> SetReplicationFactorAsync(string virtualStorage, string relativePath, int factor, string primary,
        IReadOnlyList<string> configured, CancellationToken cancellationToken);

    // --- Removes and renames ---

    /// <summary>
    /// After the primary removed a repository: forgets its generations (every storage's too) and assignments and cancels
    /// its queued copy and rename jobs (completed with a "cancelled" note), so none recreates it; the
    /// remove ("delete") jobs stay. Returns how many jobs were cancelled.
    /// </summary>
    Task<int> RemoveRepositoryAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken);

    /// <summary>
    /// After the primary renamed a repository: moves its generations (every storage's too), assignments and its queued or
    /// running copy jobs (a running one retries under the new path) to <paramref name="newRelativePath"/>; whatever was recorded under the new path is dropped.
    /// </summary>
    Task RenameRepositoryAsync(string virtualStorage, string relativePath, string newRelativePath, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels the queued jobs of the same repository and target recorded before <paramref name="job"/> (a remove
    /// that ran): a copy that failed while the remove was queued must not recreate the repository. Returns how many.
    /// </summary>
    Task<int> CancelEarlierJobsAsync(ReplicationJob job, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// remove-repository: deletes the repository's jobs that are not running and returns how many are still
    /// in progress under a live lease (the command waits for them, as the Go Praefect does).
    /// </summary>
    Task<int> DeleteRepositoryJobsAsync(string virtualStorage, string relativePath, CancellationToken cancellationToken);

    /// <summary>Cancels queued jobs (completed with <paramref name="reason"/> as their note), e.g. of a remove the primary refused.</summary>
    Task CancelJobsAsync(IReadOnlyList<long> ids, string reason, CancellationToken cancellationToken);

    // --- Primaries ---

    /// <summary>The recorded primary storage of a virtual storage, or null when none was recorded.</summary>
    Task<string?> GetPrimaryAsync(string virtualStorage, CancellationToken cancellationToken);

    /// <summary>Records the primary storage of a virtual storage (after a failover).</summary>
    Task SetPrimaryAsync(string virtualStorage, string storage, CancellationToken cancellationToken);
}
