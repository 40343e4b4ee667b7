namespace Praefect.Server.Replication;

/// <summary>The pending replication of one mutator.</summary>
internal interface IReplicationTicket
{
    /// <summary>The call has ended; <paramref name="succeeded"/> is true when it ended with OK.</summary>
    ValueTask CompleteAsync(bool succeeded, CancellationToken cancellationToken);
}
