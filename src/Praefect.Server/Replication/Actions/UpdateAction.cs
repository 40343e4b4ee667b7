using System.Collections.Concurrent;
using Gitaly;
using Grpc.Core;
using Praefect.Datastore;
using Praefect.Protocol.Gitaly13;
using Praefect.Server.Metrics;

namespace Praefect.Server.Replication.Actions;

/// <summary>
/// Copies the whole repository from the source to the target:
/// <list type="number">
/// <item>ReplicateRepository on the target (source named in the <c>gitaly-servers</c> header): refs, HEAD and the
/// state outside refs (info/attributes), as Praefect does since Dec 2019. A target that answers Unimplemented
/// (a 1.37-era node) is remembered for <see cref="UnsupportedFor"/> and gets step 2 instead.</item>
/// <item>Else CreateRepository (idempotent), FetchInternalRemote (<c>result = false</c> fails), and HEAD set to the
/// source's default branch (WriteRef HEAD), since 1.37 fetches do not move it.</item>
/// <item>Verify: CalculateChecksum (refs and HEAD) and GetInfoAttributes (where both nodes serve it) equal on
/// both; a difference fails the job, unless a newer job of the same repository is queued (a write landed
/// meanwhile and that job will copy it).</item>
/// </list>
/// </summary>
internal sealed class UpdateAction(IDatastore store, NodeCalls calls, PraefectMetrics metrics) : IReplicationAction
{
    /// <summary>How long a node that answered Unimplemented to ReplicateRepository is not asked again.</summary>
    public static readonly TimeSpan UnsupportedFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _noReplicate = new(StringComparer.Ordinal);

    public async Task<ReplicationOutcome> RunAsync(ReplicationJob job, ReplicationNode source, ReplicationNode target, long? sourceGeneration, CancellationToken cancellationToken)
    {
        var copied = await TryReplicateRepositoryAsync(job.RelativePath, source, target, cancellationToken).ConfigureAwait(false)
                     || await FetchAsync(job.RelativePath, source, target, cancellationToken).ConfigureAwait(false);
        if (!copied)
        {
            return new ReplicationOutcome.Failed($"FetchInternalRemote on \"{target.Storage}\" from \"{source.Storage}\" returned result=false");
        }

        var difference = await Verification.DifferenceAsync(calls, job.RelativePath, source, target, cancellationToken).ConfigureAwait(false);
        if (difference is not null && !await store.HasNewerJobAsync(job, cancellationToken).ConfigureAwait(false))
        {
            metrics.ChecksumMismatches.WithLabels(target.Storage, source.Storage).Inc();
            return new ReplicationOutcome.Failed($"{difference} after replication");
        }

        return new ReplicationOutcome.Completed(sourceGeneration);
    }

    private async Task<bool> TryReplicateRepositoryAsync(string relativePath, ReplicationNode source, ReplicationNode target, CancellationToken cancellationToken)
    {
        if (_noReplicate.TryGetValue(target.Address, out var until) && until > DateTimeOffset.UtcNow)
        {
            return false;
        }

        try
        {
            await target.Invoker.AsyncUnaryCall(RepositoryLifecycle.ReplicateRepository, null, new CallOptions(NodeCalls.Reaching(source), calls.Long, cancellationToken),
                new ReplicateRepositoryRequest { Repository = NodeCalls.On(target, relativePath), Source = NodeCalls.On(source, relativePath) }).ConfigureAwait(false);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            _noReplicate[target.Address] = DateTimeOffset.UtcNow + UnsupportedFor;
            return false;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(target, "ReplicateRepository", e);
        }
    }

    private async Task<bool> FetchAsync(string relativePath, ReplicationNode source, ReplicationNode target, CancellationToken cancellationToken)
    {
        var repositories = new RepositoryService.RepositoryServiceClient(target.Invoker);
        try
        {
            await repositories.CreateRepositoryAsync(new CreateRepositoryRequest { Repository = NodeCalls.On(target, relativePath) }, null, calls.Short, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // Idempotent: the repository is there already.
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplicationStepException(target, "CreateRepository", e);
        }

        var fetch = await NodeCalls.RunAsync(target, "FetchInternalRemote", () => new RemoteService.RemoteServiceClient(target.Invoker).FetchInternalRemoteAsync(
            new FetchInternalRemoteRequest { Repository = NodeCalls.On(target, relativePath), RemoteRepository = NodeCalls.On(source, relativePath) },
            NodeCalls.Reaching(source), calls.Long, cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
        if (!fetch.Result)
        {
            return false;
        }

        try
        {
            var head = await NodeCalls.RunAsync(source, "FindDefaultBranchName", () => new RefService.RefServiceClient(source.Invoker).FindDefaultBranchNameAsync(
                new FindDefaultBranchNameRequest { Repository = NodeCalls.On(source, relativePath) }, null, calls.Short, cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
            if (!head.Name.IsEmpty)
            {
                await NodeCalls.RunAsync(target, "WriteRef HEAD", () => repositories.WriteRefAsync(
                    new WriteRefRequest { Repository = NodeCalls.On(target, relativePath), Ref = Google.Protobuf.ByteString.CopyFromUtf8("HEAD"), Revision = head.Name },
                    null, calls.Short, cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ReplicationStepException e) when (e.Rpc.StatusCode == StatusCode.Unimplemented)
        {
            // A node without these calls: verification tells whether HEAD matches anyway.
        }

        return true;
    }
}
