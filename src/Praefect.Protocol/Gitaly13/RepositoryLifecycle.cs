using Gitaly;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Praefect.Protocol.Gitaly13;

/// <summary>
/// The RepositoryService methods that Gitaly added after gitaly-proto 1.37 and that a cluster needs:
/// RemoveRepository, RenameRepository, ReplicateRepository. Their messages are ours
/// (<c>repository_lifecycle.proto</c>, Gitaly's field numbers); the methods are described here for
/// gRPC clients and servers and for the declaration a node serves through reflection.
/// </summary>
public static class RepositoryLifecycle
{
    public const string ServiceName = "gitaly.RepositoryService";

    public static readonly Method<RemoveRepositoryRequest, RemoveRepositoryResponse> RemoveRepository =
        Unary("RemoveRepository", RemoveRepositoryRequest.Parser, RemoveRepositoryResponse.Parser);

    public static readonly Method<RenameRepositoryRequest, RenameRepositoryResponse> RenameRepository =
        Unary("RenameRepository", RenameRepositoryRequest.Parser, RenameRepositoryResponse.Parser);

    public static readonly Method<ReplicateRepositoryRequest, ReplicateRepositoryResponse> ReplicateRepository =
        Unary("ReplicateRepository", ReplicateRepositoryRequest.Parser, ReplicateRepositoryResponse.Parser);

    /// <summary>Full method names, e.g. <c>/gitaly.RepositoryService/RemoveRepository</c>.</summary>
    public static string RemoveRepositoryMethod => RemoveRepository.FullName;

    public static string RenameRepositoryMethod => RenameRepository.FullName;

    public static string ReplicateRepositoryMethod => ReplicateRepository.FullName;

    /// <summary>
    /// The 1.37 declaration of RepositoryService with the three methods added, each a repository-scoped
    /// MUTATOR whose target is marked on its request (as Gitaly 13 declares them).
    /// </summary>
    public static FileDescriptorProto DeclareOn(FileDescriptorProto repositoryServiceFile)
    {
        var file = repositoryServiceFile.Clone();
        file.Dependency.Add(RepositoryLifecycleReflection.Descriptor.Name);
        var service = file.Service.Single(s => s.Name == "RepositoryService");
        foreach (var (name, request, response) in new[]
                 {
                     ("RemoveRepository", RemoveRepositoryRequest.Descriptor, RemoveRepositoryResponse.Descriptor),
                     ("RenameRepository", RenameRepositoryRequest.Descriptor, RenameRepositoryResponse.Descriptor),
                     ("ReplicateRepository", ReplicateRepositoryRequest.Descriptor, ReplicateRepositoryResponse.Descriptor),
                 })
        {
            var options = new MethodOptions();
            options.SetExtension(SharedExtensions.OpType, new OperationMsg { Op = OperationMsg.Types.Operation.Mutator });
            service.Method.Add(new MethodDescriptorProto { Name = name, InputType = "." + request.FullName, OutputType = "." + response.FullName, Options = options });
        }

        return file;
    }

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, ServiceName, name, Marshallers.Create(m => m.ToByteArray(), request.ParseFrom), Marshallers.Create(m => m.ToByteArray(), response.ParseFrom));
}
