using Gitaly;
using Grpc.Core;
using Praefect.Datastore;
using Praefect.Protocol.Metadata;

namespace Praefect.Server.Replication;

/// <summary>
/// Executes one job as the original Praefect did:
/// <list type="number">
/// <item>Read the generation the source holds (before copying: the copy holds at least that).</item>
/// <item>CreateRepository on the target (idempotent).</item>
/// <item>FetchInternalRemote on the target from the source, named in the <c>gitaly-servers</c> header; <c>result = false</c> fails.</item>
/// <item>CalculateChecksum on both; a mismatch fails, unless a newer job of the same repository is queued (a write landed meanwhile and that job will copy it).</item>
/// </list>
/// An unreachable node (<see cref="StatusCode.Unavailable"/>) makes the job wait without counting an attempt.
/// </summary>
internal sealed class ReplicationJobExecutor(IDatastore store, IReplicationNodes nodes, ReplicationOptions options, TimeProvider time)
{
    public async Task<ReplicationOutcome> ExecuteAsync(ReplicationJob job, CancellationToken cancellationToken)
    {
        var source = nodes.Find(job.VirtualStorage, job.SourceStorage);
        var target = nodes.Find(job.VirtualStorage, job.TargetStorage);
        if (source is null || target is null)
        {
            var missing = source is null ? job.SourceStorage : job.TargetStorage;
            return new ReplicationOutcome.Failed($"storage \"{missing}\" is not configured in virtual storage \"{job.VirtualStorage}\"");
        }

        var generation = await store.GetStorageGenerationAsync(job.VirtualStorage, job.RelativePath, job.SourceStorage, cancellationToken).ConfigureAwait(false);
        var sourceRepository = new Repository { StorageName = source.Storage, RelativePath = job.RelativePath };
        var targetRepository = new Repository { StorageName = target.Storage, RelativePath = job.RelativePath };
        var step = "CreateRepository";
        var node = target;
        try
        {
            await CreateRepositoryAsync(target, targetRepository, cancellationToken).ConfigureAwait(false);

            step = "FetchInternalRemote";
            var fetch = await new RemoteService.RemoteServiceClient(target.Invoker).FetchInternalRemoteAsync(
                new FetchInternalRemoteRequest { Repository = targetRepository, RemoteRepository = sourceRepository },
                FetchHeaders(source), Deadline(options.FetchTimeout), cancellationToken).ConfigureAwait(false);
            if (!fetch.Result)
            {
                return new ReplicationOutcome.Failed($"FetchInternalRemote on \"{target.Storage}\" from \"{source.Storage}\" returned result=false");
            }

            step = "CalculateChecksum";
            node = source;
            var sourceChecksum = await ChecksumAsync(source, sourceRepository, cancellationToken).ConfigureAwait(false);
            node = target;
            var targetChecksum = await ChecksumAsync(target, targetRepository, cancellationToken).ConfigureAwait(false);
            if (sourceChecksum != targetChecksum && !await store.HasNewerJobAsync(job, cancellationToken).ConfigureAwait(false))
            {
                return new ReplicationOutcome.Failed($"checksum mismatch after replication: \"{source.Storage}\" has {sourceChecksum}, \"{target.Storage}\" has {targetChecksum}");
            }

            return new ReplicationOutcome.Completed(generation);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return new ReplicationOutcome.Unavailable($"{step} on \"{node.Storage}\" at {node.Address}: {e.Status.Detail}");
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReplicationOutcome.Failed($"{step} on \"{node.Storage}\": {e.StatusCode}: {e.Status.Detail}");
        }
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
    }

    private async Task<string> ChecksumAsync(ReplicationNode node, Repository repository, CancellationToken cancellationToken)
    {
        var reply = await new RepositoryService.RepositoryServiceClient(node.Invoker).CalculateChecksumAsync(
            new CalculateChecksumRequest { Repository = repository }, null, Deadline(options.ShortCallTimeout), cancellationToken).ConfigureAwait(false);
        return reply.Checksum;
    }

    private static Metadata FetchHeaders(ReplicationNode source) => new()
    {
        { GitalyServers.HeaderName, GitalyServers.Encode(new Dictionary<string, GitalyServerInfo> { [source.Storage] = new(source.Address, source.Token) }) },
    };

    private DateTime Deadline(TimeSpan timeout) => time.GetUtcNow().UtcDateTime + timeout;
}
