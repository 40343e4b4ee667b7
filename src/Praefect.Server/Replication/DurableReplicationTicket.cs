using Praefect.Datastore;

namespace Praefect.Server.Replication;

/// <summary>The recorded jobs of one mutator, made ready by <see cref="CompleteAsync"/> (idempotent).</summary>
internal sealed class DurableReplicationTicket(
    DurableReplicationScheduler scheduler,
    string virtualStorage,
    string relativePath,
    string primaryStorage,
    IReadOnlyList<JobRequest> jobs,
    IReadOnlyList<long> ids) : IReplicationTicket
{
    private int _completed;

    public string VirtualStorage => virtualStorage;

    public string RelativePath => relativePath;

    public string PrimaryStorage => primaryStorage;

    public IReadOnlyList<JobRequest> Jobs => jobs;

    public IReadOnlyList<long> Ids => ids;

    /// <summary>Null for a copy; <see cref="ChangeTypes.Delete"/> or <see cref="ChangeTypes.Rename"/> otherwise.</summary>
    public string? Change { get; init; }

    /// <summary>For a rename: the new relative path.</summary>
    public string? NewRelativePath { get; init; }

    public ValueTask CompleteAsync(bool succeeded, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _completed, 1) == 0 ? scheduler.CompleteAsync(this, succeeded) : ValueTask.CompletedTask;

    public ValueTask CompleteCommittedAsync(IReadOnlyCollection<string> committedSecondaries, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _completed, 1) == 0
            ? (Change is null ? scheduler.CompleteCommittedAsync(this, committedSecondaries) : scheduler.CompleteAsync(this, succeeded: true))
            : ValueTask.CompletedTask;
}
