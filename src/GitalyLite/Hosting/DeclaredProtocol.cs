using Gitaly;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace GitalyLite.Hosting;

/// <summary>
/// What gitaly-lite declares through gRPC server reflection, as a real Gitaly does: the compiled
/// gitaly-proto 1.37 services, with RepositoryService extended by the methods gitaly-lite serves
/// beyond 1.37 (RemoveRepository, RenameRepository, ReplicateRepository, targets marked with the
/// field-level annotations) and gitaly.InternalGitaly (WalkRepos), plus health and reflection.
/// </summary>
internal static class DeclaredProtocol
{
    public static DescriptorCatalog Build()
    {
        var catalog = DescriptorCatalog.FromCompiled([RepositoryLifecycleReflection.Descriptor, HealthReflection.Descriptor, ReflectionReflection.Descriptor]);
        var repositoryService = FileDescriptorProto.Parser.ParseFrom(RepositoryServiceReflection.Descriptor.SerializedData);
        catalog.TryAdd(RepositoryLifecycle.DeclareOn(repositoryService).ToByteString(), out _);
        catalog.TryAdd(InternalGitaly.Declare().ToByteString(), out _);
        var compiled = OperationRegistry.CompiledCatalog();
        foreach (var name in compiled.FileNames)
        {
            catalog.TryAdd(compiled.WithDependencies(name)[0], out _);
        }

        return catalog;
    }
}
