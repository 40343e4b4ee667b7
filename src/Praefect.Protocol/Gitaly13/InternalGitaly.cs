using Gitaly;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Praefect.Protocol.Gitaly13;

/// <summary>
/// <c>gitaly.InternalGitaly</c>, the service Gitaly 13.x nodes serve to praefect: WalkRepos streams every repository
/// of a storage with its modification time. Its messages are ours (<c>internal_gitaly.proto</c>, Gitaly's field
/// numbers); the method is described here for clients and servers and for the declaration a node serves through
/// reflection.
/// </summary>
public static class InternalGitaly
{
    public const string ServiceName = "gitaly.InternalGitaly";

    /// <summary>1.37's OperationMsg.Scope stops at SERVER (1); Gitaly 13 adds STORAGE (2).</summary>
    private const int StorageScope = 2;

    public static readonly Method<WalkReposRequest, WalkReposResponse> WalkRepos = new(MethodType.ServerStreaming, ServiceName, "WalkRepos",
        Marshallers.Create(m => m.ToByteArray(), WalkReposRequest.Parser.ParseFrom),
        Marshallers.Create(m => m.ToByteArray(), WalkReposResponse.Parser.ParseFrom));

    /// <summary>Full method name, <c>/gitaly.InternalGitaly/WalkRepos</c>.</summary>
    public static string WalkReposMethod => WalkRepos.FullName;

    /// <summary>
    /// <c>internal_gitaly.proto</c> with the service declared on it: WalkRepos, a server-streaming, STORAGE-scoped
    /// ACCESSOR whose storage is marked on its request (as Gitaly 13 declares it).
    /// </summary>
    public static FileDescriptorProto Declare()
    {
        var file = FileDescriptorProto.Parser.ParseFrom(InternalGitalyReflection.Descriptor.SerializedData);
        file.Dependency.Add(SharedReflection.Descriptor.Name);
        var options = new MethodOptions();
        options.SetExtension(SharedExtensions.OpType, new OperationMsg
        {
            Op = OperationMsg.Types.Operation.Accessor,
            ScopeLevel = (OperationMsg.Types.Scope)StorageScope,
        });
        file.Service.Add(new ServiceDescriptorProto
        {
            Name = "InternalGitaly",
            Method =
            {
                new MethodDescriptorProto
                {
                    Name = "WalkRepos",
                    InputType = "." + WalkReposRequest.Descriptor.FullName,
                    OutputType = "." + WalkReposResponse.Descriptor.FullName,
                    ServerStreaming = true,
                    Options = options,
                },
            },
        });
        return file;
    }
}
