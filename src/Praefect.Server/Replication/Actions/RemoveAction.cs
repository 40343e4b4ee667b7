using Gitaly;
using Grpc.Core;
using Praefect.Datastore;
using Praefect.Protocol.Gitaly13;

namespace Praefect.Server.Replication.Actions;

/// <summary>
/// A "delete" job: RemoveRepository on the target (a repository that is not there is no error, as Gitaly 13.2
/// answers; NotFound from later Gitaly counts as done too). A 1.37-era target (Unimplemented) gets
/// NamespaceService/RemoveNamespace of the repository's directory instead. Then the copies of the same repository
/// and target queued before it are cancelled, so none recreates it.
/// </summary>
internal sealed class RemoveAction(IDatastore store, NodeCalls calls) : IReplicationAction
{
    public async Task<ReplicationOutcome> RunAsync(ReplicationJob job, ReplicationNode source, ReplicationNode target, long? sourceGeneration, CancellationToken cancellationToken)
    {
        try
        {
            await target.Invoker.AsyncUnaryCall(RepositoryLifecycle.RemoveRepository, null, new CallOptions(null, calls.Short, cancellationToken),
                new RemoveRepositoryRequest { Repository = NodeCalls.On(target, job.RelativePath) }).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            // Gone already.
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            await NodeCalls.RunAsync(target, "RemoveNamespace", () => new NamespaceService.NamespaceServiceClient(target.Invoker).RemoveNamespaceAsync(
                new RemoveNamespaceRequest { StorageName = target.Storage, Name = job.RelativePath }, null, calls.Short, cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(target, "RemoveRepository", e);
        }

        // A copy that failed while this remove waited would otherwise retry and recreate it.
        await store.CancelEarlierJobsAsync(job, "cancelled: the repository was removed", cancellationToken).ConfigureAwait(false);
        return new ReplicationOutcome.Completed(null);
    }
}
