using Praefect.Server.Replication;

namespace Praefect.Server.Hosting;

/// <summary>The default until a durable scheduler is registered in <see cref="ReplicationWiring"/>: records nothing.</summary>
internal sealed class NoopReplicationScheduler : IReplicationScheduler, IReplicationTicket
{
    public ValueTask<IReplicationTicket> BeginMutatorAsync(string virtualStorage, string relativePath, string primaryStorage, string method, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReplicationTicket>(this);

    public ValueTask CompleteAsync(bool succeeded, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
