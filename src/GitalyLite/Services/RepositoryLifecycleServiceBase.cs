using Grpc.Core;
using Praefect.Protocol.Gitaly13;

namespace GitalyLite.Services;

/// <summary>Binds the post-1.37 RepositoryService methods (<see cref="RepositoryLifecycle"/>) the way generated service bases do.</summary>
[BindServiceMethod(typeof(RepositoryLifecycleServiceBase), nameof(BindService))]
internal abstract class RepositoryLifecycleServiceBase
{
    public abstract Task<RemoveRepositoryResponse> RemoveRepository(RemoveRepositoryRequest request, ServerCallContext context);

    public abstract Task<RenameRepositoryResponse> RenameRepository(RenameRepositoryRequest request, ServerCallContext context);

    public abstract Task<ReplicateRepositoryResponse> ReplicateRepository(ReplicateRepositoryRequest request, ServerCallContext context);

    public static void BindService(ServiceBinderBase binder, RepositoryLifecycleServiceBase? service)
    {
        binder.AddMethod(RepositoryLifecycle.RemoveRepository, service is null ? null : service.RemoveRepository);
        binder.AddMethod(RepositoryLifecycle.RenameRepository, service is null ? null : service.RenameRepository);
        binder.AddMethod(RepositoryLifecycle.ReplicateRepository, service is null ? null : service.ReplicateRepository);
    }
}
