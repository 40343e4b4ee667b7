using Gitaly;
using Grpc.Core;
using Praefect.Datastore;
using Praefect.Protocol.Metadata;
using Praefect.Server.Metrics;

namespace Praefect.Server.Replication.Actions;

/// <summary>
/// Copies the repository as the original Praefect did:
/// <list type="number">
/// <item>CreateRepository on the target (idempotent).</item>
/// <item>FetchInternalRemote on the target from the source, named in the <c>gitaly-servers</c> header; <c>result = false</c> fails.</item>
/// <item>CalculateChecksum on both; a mismatch fails, unless a newer job of the same repository is queued (a write landed meanwhile and that job will copy it).</item>
/// </list>
/// </summary>
internal sealed class UpdateAction(IDatastore store, ReplicationOptions options, TimeProvider time, PraefectMetrics metrics) : IReplicationAction
{
    public async Task<ReplicationOutcome> RunAsync(ReplicationJob job, ReplicationNode source, ReplicationNode target, long? sourceGeneration, CancellationToken cancellationToken)
    {
        var sourceRepository = new Repository { StorageName = source.Storage, RelativePath = job.RelativePath };
        var targetRepository = new Repository { StorageName = target.Storage, RelativePath = job.RelativePath };
        await CreateRepositoryAsync(target, targetRepository, cancellationToken).ConfigureAwait(false);

        FetchInternalRemoteResponse fetch;
        try
        {
            fetch = await new RemoteService.RemoteServiceClient(target.Invoker).FetchInternalRemoteAsync(
                new FetchInternalRemoteRequest { Repository = targetRepository, RemoteRepository = sourceRepository },
                FetchHeaders(source), Deadline(options.FetchTimeout), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(target, "FetchInternalRemote", e);
        }

        if (!fetch.Result)
        {
            return new ReplicationOutcome.Failed($"FetchInternalRemote on \"{target.Storage}\" from \"{source.Storage}\" returned result=false");
        }

        var sourceChecksum = await ChecksumAsync(source, sourceRepository, cancellationToken).ConfigureAwait(false);
        var targetChecksum = await ChecksumAsync(target, targetRepository, cancellationToken).ConfigureAwait(false);
        if (sourceChecksum != targetChecksum && !await store.HasNewerJobAsync(job, cancellationToken).ConfigureAwait(false))
        {
            metrics.ChecksumMismatches.WithLabels(target.Storage, source.Storage).Inc();
            return new ReplicationOutcome.Failed($"checksum mismatch after replication: \"{source.Storage}\" has {sourceChecksum}, \"{target.Storage}\" has {targetChecksum}");
        }

        return new ReplicationOutcome.Completed(sourceGeneration);
    }

    private async Task CreateRepositoryAsync(ReplicationNode target, Repository repository, CancellationToken cancellationToken)
    {
        try
        {
            await new RepositoryService.RepositoryServiceClient(target.Invoker).CreateRepositoryAsync(
                new CreateRepositoryRequest { Repository = repository }, null, Deadline(options.ShortCallTimeout), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // Idempotent: the repository is there already.
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(target, "CreateRepository", e);
        }
    }

    private async Task<string> ChecksumAsync(ReplicationNode node, Repository repository, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await new RepositoryService.RepositoryServiceClient(node.Invoker).CalculateChecksumAsync(
                new CalculateChecksumRequest { Repository = repository }, null, Deadline(options.ShortCallTimeout), cancellationToken).ConfigureAwait(false);
            return reply.Checksum;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(node, "CalculateChecksum", e);
        }
    }

    private static Metadata FetchHeaders(ReplicationNode source) => new()
    {
        { GitalyServers.HeaderName, GitalyServers.Encode(new Dictionary<string, GitalyServerInfo> { [source.Storage] = new(source.Address, source.Token) }) },
    };

    private DateTime Deadline(TimeSpan timeout) => time.GetUtcNow().UtcDateTime + timeout;
}
