using Grpc.Core;
using Praefect.Protocol.Gitaly13;

namespace GitalyLite.Services;

/// <summary>Binds <c>gitaly.InternalGitaly</c> (<see cref="InternalGitaly"/>) the way generated service bases do.</summary>
[BindServiceMethod(typeof(InternalGitalyServiceBase), nameof(BindService))]
internal abstract class InternalGitalyServiceBase
{
    public abstract Task WalkRepos(WalkReposRequest request, IServerStreamWriter<WalkReposResponse> responseStream, ServerCallContext context);

    public static void BindService(ServiceBinderBase binder, InternalGitalyServiceBase? service) =>
        binder.AddMethod(InternalGitaly.WalkRepos, service is null ? null : service.WalkRepos);
}
