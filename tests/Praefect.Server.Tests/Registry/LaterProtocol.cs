using Gitaly;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Tests.Registry;

/// <summary>
/// A protocol file praefect was not compiled with, built in code: <c>test.LaterService</c> with
/// <c>Mutate</c> (a MUTATOR whose target Repository sits nested in a message marked target_repository,
/// plus a Repository marked additional_repository) and <c>Broken</c> (target_repository on a string).
/// </summary>
internal static class LaterProtocol
{
    public const string Mutate = "/test.LaterService/Mutate";
    public const string Broken = "/test.LaterService/Broken";

    public static FileDescriptorProto File()
    {
        var file = new FileDescriptorProto { Name = "later.proto", Package = "test", Syntax = "proto3", Dependency = { "shared.proto", "routing_annotations.proto" } };
        file.MessageType.Add(Message("Holder", Field("repository", 1, ".gitaly.Repository", RoutingAnnotationsExtensions.Repository), Field("note", 2, null, null)));
        file.MessageType.Add(Message("MutateRequest",
            Field("holder", 1, ".test.Holder", RoutingAnnotationsExtensions.TargetRepository),
            Field("other", 2, ".gitaly.Repository", RoutingAnnotationsExtensions.AdditionalRepository)));
        file.MessageType.Add(Message("BrokenRequest", Field("name", 1, null, RoutingAnnotationsExtensions.TargetRepository)));
        file.MessageType.Add(Message("Empty"));
        var service = new ServiceDescriptorProto { Name = "LaterService" };
        service.Method.Add(Method("Mutate", ".test.MutateRequest"));
        service.Method.Add(Method("Broken", ".test.BrokenRequest"));
        file.Service.Add(service);
        return file;
    }

    /// <summary>What the stand-in declares: the compiled 1.37 files, our annotations, and later.proto.</summary>
    public static DescriptorCatalog Catalog()
    {
        var catalog = OperationRegistry.CompiledCatalog();
        catalog.TryAdd(RoutingAnnotationsReflection.Descriptor.SerializedData, out _);
        Assert.That(catalog.TryAdd(File().ToByteString(), out var error), Is.True, error);
        return catalog;
    }

    /// <summary>A MutateRequest: holder.repository and other, both on <paramref name="storage"/>.</summary>
    public static byte[] MutateRequest(string storage, string path, string otherPath)
    {
        var holder = Wrap(1, new Repository { StorageName = storage, RelativePath = path }.ToByteArray());
        return [.. Wrap(1, holder), .. Wrap(2, new Repository { StorageName = storage, RelativePath = otherPath }.ToByteArray())];
    }

    /// <summary>Field <paramref name="number"/> as a length-delimited field holding <paramref name="payload"/>.</summary>
    public static byte[] Wrap(int number, byte[] payload)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(payload));
        output.Flush();
        return stream.ToArray();
    }

    private static DescriptorProto Message(string name, params FieldDescriptorProto[] fields)
    {
        var message = new DescriptorProto { Name = name };
        message.Field.Add(fields);
        return message;
    }

    private static FieldDescriptorProto Field(string name, int number, string? messageType, Extension<FieldOptions, bool>? mark)
    {
        var field = new FieldDescriptorProto
        {
            Name = name,
            Number = number,
            Label = FieldDescriptorProto.Types.Label.Optional,
            Type = messageType is null ? FieldDescriptorProto.Types.Type.String : FieldDescriptorProto.Types.Type.Message,
        };
        if (messageType is not null)
        {
            field.TypeName = messageType;
        }

        if (mark is not null)
        {
            field.Options = new FieldOptions();
            field.Options.SetExtension(mark, true);
        }

        return field;
    }

    private static MethodDescriptorProto Method(string name, string input)
    {
        var options = new MethodOptions();
        options.SetExtension(SharedExtensions.OpType, new OperationMsg { Op = OperationMsg.Types.Operation.Mutator });
        return new MethodDescriptorProto { Name = name, InputType = input, OutputType = ".test.Empty", Options = options };
    }
}
