using Gitaly;
using Grpc.Core;
using Praefect.Datastore;
using Praefect.Protocol.Gitaly13;

namespace Praefect.Server.Replication.Actions;

/// <summary>
/// A "rename" job: RenameRepository on the target from the job's path to its new path. The cases:
/// <list type="bullet">
/// <item>The target has the new path already (a copy job moved to the new path ran first): the old copy is removed.</item>
/// <item>The target has neither (it never got the repository): the new path is copied from the source.</item>
/// <item>A 1.37-era target (Unimplemented): NamespaceService/RenameNamespace of the directory instead.</item>
/// </list>
/// The target's generation of the new path was moved with the repository's metadata when the primary renamed it.
/// </summary>
internal sealed class RenameAction(NodeCalls calls, RemoveAction remove, UpdateAction update) : IReplicationAction
{
    public async Task<ReplicationOutcome> RunAsync(ReplicationJob job, ReplicationNode source, ReplicationNode target, long? sourceGeneration, CancellationToken cancellationToken)
    {
        if (job.NewRelativePath is not { Length: > 0 } destination)
        {
            return new ReplicationOutcome.Failed($"rename job {job.Id} of \"{job.RelativePath}\" names no new relative path");
        }

        try
        {
            await target.Invoker.AsyncUnaryCall(RepositoryLifecycle.RenameRepository, null, new CallOptions(null, calls.Short, cancellationToken),
                new RenameRepositoryRequest { Repository = NodeCalls.On(target, job.RelativePath), RelativePath = destination }).ConfigureAwait(false);
            return new ReplicationOutcome.Completed(null);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            await NodeCalls.RunAsync(target, "RenameNamespace", () => new NamespaceService.NamespaceServiceClient(target.Invoker).RenameNamespaceAsync(
                new RenameNamespaceRequest { StorageName = target.Storage, From = job.RelativePath, To = destination }, null, calls.Short, cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
            return new ReplicationOutcome.Completed(null);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            // The new path is there already: drop the old copy.
            return await remove.RunAsync(job, source, target, sourceGeneration, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            // The target never had it: copy it under its new name.
            var copied = await update.RunAsync(job with { RelativePath = destination, NewRelativePath = null }, source, target, sourceGeneration, cancellationToken).ConfigureAwait(false);
            return copied is ReplicationOutcome.Completed ? new ReplicationOutcome.Completed(null) : copied;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(target, "RenameRepository", e);
        }
    }
}
