namespace Praefect.Server.Replication;

/// <summary>The pending replication of one mutator.</summary>
internal interface IReplicationTicket
{
    /// <summary>The call has ended; <paramref name="succeeded"/> is true when it ended with OK.</summary>
    ValueTask CompleteAsync(bool succeeded, CancellationToken cancellationToken);

    /// <summary>
    /// A reference transaction ended with OK on the primary, and <paramref name="committedSecondaries"/> committed the
    /// same updates: the generation is raised on the primary and on exactly those secondaries, their jobs are
    /// cancelled (they hold the change), the other secondaries' jobs become ready. A scheduler without
    /// generations treats it as a success.
    /// </summary>
    ValueTask CompleteCommittedAsync(IReadOnlyCollection<string> committedSecondaries, CancellationToken cancellationToken) =>
        CompleteAsync(true, cancellationToken);
}
