using Gitaly;
using Grpc.Core;

namespace Praefect.Server.Tests.Support;

/// <summary>Server-scoped calls: records the storage_name each node received.</summary>
internal sealed class ScriptedNamespaceService(ScriptedNodeState state) : NamespaceService.NamespaceServiceBase
{
    public override Task<AddNamespaceResponse> AddNamespace(AddNamespaceRequest request, ServerCallContext context)
    {
        state.Calls.Enqueue(new ObservedCall(context.Method, request.StorageName, request.Name, new Dictionary<string, string>(), context.Deadline));
        return request.Name == "fail-" + state.Storage
            ? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"scripted node {state.Storage}: namespace refused"))
            : Task.FromResult(new AddNamespaceResponse());
    }

    public override Task<NamespaceExistsResponse> NamespaceExists(NamespaceExistsRequest request, ServerCallContext context)
    {
        state.Calls.Enqueue(new ObservedCall(context.Method, request.StorageName, request.Name, new Dictionary<string, string>(), context.Deadline));
        return Task.FromResult(new NamespaceExistsResponse { Exists = true });
    }
}
