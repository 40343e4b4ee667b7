using Google.Protobuf.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Protocol.Tests;

public class OperationRegistryTests
{
    private static OperationRegistry Registry => OperationRegistry.Gitaly;

    private static OperationInfo Get(string fullMethod)
    {
        Assert.That(Registry.TryGet(fullMethod, out var info), Is.True, fullMethod);
        return info;
    }

    [Test]
    public void Gitaly_AllMethods_AreClassified()
    {
        Assert.That(Registry.All, Has.Count.EqualTo(149));
        Assert.That(Registry.All.Where(o => o.Scope == OperationScope.Repository).All(o => o.TargetRepository is not null), Is.True);
    }

    [Test]
    public void PostReceivePack_IsStreamingMutatorOnField1()
    {
        // gitaly-proto 1.37 declares it `stream -> stream` (bidirectional), not client-streaming.
        var info = Get("/gitaly.SmartHTTPService/PostReceivePack");
        Assert.That(info.Streaming, Is.EqualTo(StreamingKind.DuplexStreaming));
        Assert.That(info.Kind, Is.EqualTo(OperationKind.Mutator));
        Assert.That(info.Scope, Is.EqualTo(OperationScope.Repository));
        Assert.That(info.TargetRepository, Is.EqualTo(FieldPath.Parse("1")));
        Assert.That(info.AdditionalRepository, Is.Null);
    }

    [Test]
    public void RepositoryExists_IsUnaryAccessorFoundFromDescriptor()
    {
        var info = Get("/gitaly.RepositoryService/RepositoryExists");
        Assert.That(info.Kind, Is.EqualTo(OperationKind.Accessor));
        Assert.That(info.Streaming, Is.EqualTo(StreamingKind.Unary));
        Assert.That(info.TargetRepository?.ToString(), Is.EqualTo("1"));
    }

    [Test]
    public void ListDirectories_IsServerScopedWithStorageName()
    {
        var info = Get("/gitaly.StorageService/ListDirectories");
        Assert.That(info.Scope, Is.EqualTo(OperationScope.Server));
        Assert.That(info.Streaming, Is.EqualTo(StreamingKind.ServerStreaming));
        Assert.That(info.StorageName?.ToString(), Is.EqualTo("1"));
        Assert.That(info.TargetRepository, Is.Null);
    }

    [Test]
    public void FetchInternalRemote_HasRemoteRepositoryAsAdditional()
    {
        var info = Get("/gitaly.RemoteService/FetchInternalRemote");
        Assert.That(info.Kind, Is.EqualTo(OperationKind.Mutator));
        Assert.That(info.TargetRepository?.ToString(), Is.EqualTo("1"));
        Assert.That(info.AdditionalRepository?.ToString(), Is.EqualTo("2"));
    }

    [Test]
    public void UserCommitFiles_HasNestedTargetAndStartRepository()
    {
        var info = Get("/gitaly.OperationService/UserCommitFiles");
        Assert.That(info.Streaming, Is.EqualTo(StreamingKind.ClientStreaming));
        Assert.That(info.TargetRepository?.ToString(), Is.EqualTo("1.1"));
        Assert.That(info.AdditionalRepository?.ToString(), Is.EqualTo("1.8"));
    }

    [TestCase("/gitaly.ServerService/ServerInfo")]
    [TestCase("/gitaly.NamespaceService/AddNamespace")]
    [TestCase("/gitaly.CleanupService/CloseSession")]
    public void ServerMethods_AreServerScoped(string method)
    {
        Assert.That(Get(method).Scope, Is.EqualTo(OperationScope.Server));
    }

    [Test]
    public void SshReceivePack_IsDuplexMutator()
    {
        var info = Get("/gitaly.SSHService/SSHReceivePack");
        Assert.That(info.Streaming, Is.EqualTo(StreamingKind.DuplexStreaming));
        Assert.That(info.Kind, Is.EqualTo(OperationKind.Mutator));
    }

    [Test]
    public void TryGet_UnknownMethod_ReturnsFalse()
    {
        Assert.That(Registry.TryGet("/gitaly.RepositoryService/NoSuchMethod", out _), Is.False);
    }

    [Test]
    public void Build_MethodWithoutOpType_FailsNamingIt()
    {
        var file = BuildFile("service Bare { rpc Naked(gitaly.Repository) returns (gitaly.Repository); }");
        var error = Assert.Throws<OperationRegistryException>(() => OperationRegistry.Build([file]));
        Assert.That(error!.Message, Does.Contain("/test.Bare/Naked: has no op_type option"));
    }

    [TestCase("1.x")]
    [TestCase("0")]
    [TestCase("")]
    public void FieldPathParse_Invalid_Throws(string text)
    {
        Assert.Throws<FormatException>(() => FieldPath.Parse(text));
    }

    // A service without op_type, built from a FileDescriptorProto so that no .proto file is needed.
    private static FileDescriptor BuildFile(string _)
    {
        var proto = new FileDescriptorProto { Name = "test.proto", Package = "test", Syntax = "proto3", Dependency = { "shared.proto" } };
        var service = new ServiceDescriptorProto { Name = "Bare" };
        service.Method.Add(new MethodDescriptorProto { Name = "Naked", InputType = ".gitaly.Repository", OutputType = ".gitaly.Repository" });
        proto.Service.Add(service);
        var shared = Gitaly.SharedReflection.Descriptor;
        var files = FileDescriptor.BuildFromByteStrings(
            [.. DependencyClosure(shared).Select(f => f.SerializedData), Google.Protobuf.ByteString.CopyFrom(Google.Protobuf.MessageExtensions.ToByteArray(proto))]);
        return files[^1];
    }

    private static IEnumerable<FileDescriptor> DependencyClosure(FileDescriptor file) =>
        file.Dependencies.SelectMany(DependencyClosure).Append(file).DistinctBy(f => f.Name);
}
