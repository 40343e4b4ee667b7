using Gitaly;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Praefect.Protocol.Gitaly13;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Protocol.Tests;

/// <summary>Classification of methods declared with Gitaly's field-level annotations (as nodes serve them through reflection).</summary>
public class DescriptorClassifierTests
{
    private const string Repo = ".gitaly.Repository";

    [Test]
    public void Classify_TargetMarkedOnRepository_IsRepositoryScopedAtThatField()
    {
        var info = ClassifyOne(Field("repository", 1, Repo, RoutingAnnotationsExtensions.TargetRepository), Field("name", 2));
        Assert.That((info.Kind, info.Scope, info.TargetRepository?.ToString(), info.AdditionalRepository), Is.EqualTo((OperationKind.Mutator, OperationScope.Repository, "1", (FieldPath?)null)));
    }

    [Test]
    public void Classify_TargetMarkedOnHolderWithRepositoryInside_IsTheNestedPath()
    {
        var holder = Message("Holder", Field("note", 1), Field("repository", 2, Repo, RoutingAnnotationsExtensions.Repository));
        var info = ClassifyOne([holder], Field("holder", 3, ".test.Holder", RoutingAnnotationsExtensions.TargetRepository), Field("other", 4, Repo, RoutingAnnotationsExtensions.AdditionalRepository));
        Assert.That(info.TargetRepository?.ToString(), Is.EqualTo("3.2"));
        Assert.That(info.AdditionalRepository?.ToString(), Is.EqualTo("4"));
    }

    [Test]
    public void Classify_StorageMarked_IsServerScopedWithThatField()
    {
        var info = ClassifyOne(Field("storage", 2, null, RoutingAnnotationsExtensions.Storage), Field("name", 1));
        Assert.That((info.Scope, info.StorageName?.ToString(), info.TargetRepository), Is.EqualTo((OperationScope.Server, "2", (FieldPath?)null)));
    }

    [TestCase("name", "marks field 1 (name) as target_repository, but it is neither a gitaly.Repository nor a message holding one")]
    [TestCase("two", "marks 2 fields as target_repository (1, 2); one is allowed")]
    [TestCase("holder", "marks field 1 (holder) as target_repository, but .test.Holder has no gitaly.Repository field marked repository (one is needed)")]
    [TestCase("storage", "marks field 1 (storage) as storage, but it is not a single string")]
    public void Classify_ContradictoryAnnotations_AreProblemsNotGuesses(string shape, string problem)
    {
        var holder = Message("Holder", Field("repository", 1, Repo));
        FieldDescriptorProto[] fields = shape switch
        {
            "name" => [Field("name", 1, null, RoutingAnnotationsExtensions.TargetRepository)],
            "two" => [Field("a", 1, Repo, RoutingAnnotationsExtensions.TargetRepository), Field("b", 2, Repo, RoutingAnnotationsExtensions.TargetRepository)],
            "holder" => [Field("holder", 1, ".test.Holder", RoutingAnnotationsExtensions.TargetRepository)],
            _ => [Field("storage", 1, Repo, RoutingAnnotationsExtensions.Storage)],
        };

        var classification = DescriptorClassifier.Classify(Catalog([holder], fields));

        Assert.That(classification.Operations, Does.Not.ContainKey("/test.Later/Call"));
        Assert.That(classification.Problems, Is.EqualTo(new[] { new MethodProblem("/test.Later/Call", problem) }));
    }

    [Test]
    public void Classify_UnknownOperation_IsAProblem()
    {
        var catalog = Catalog([], [Field("repository", 1, Repo, RoutingAnnotationsExtensions.TargetRepository)], op: (OperationMsg.Types.Operation)7);
        Assert.That(DescriptorClassifier.Classify(catalog).Problems.Single().Problem, Is.EqualTo("op_type.op is 7, neither MUTATOR (1) nor ACCESSOR (2)"));
    }

    [Test]
    public void Classify_RequestTypeMissing_IsAProblem()
    {
        var catalog = Catalog([], [], input: ".test.Nowhere");
        Assert.That(DescriptorClassifier.Classify(catalog).Problems.Single().Problem, Is.EqualTo("its request type .test.Nowhere is not in the descriptors"));
    }

    [Test]
    public void Catalog_FileRedefiningASymbol_IsRefused()
    {
        var catalog = OperationRegistry.CompiledCatalog();
        var impostor = new FileDescriptorProto { Name = "impostor.proto", Package = "gitaly" };
        impostor.MessageType.Add(new DescriptorProto { Name = "Repository" });

        Assert.That(catalog.TryAdd(impostor.ToByteString(), out var error), Is.False);
        Assert.That(error, Is.EqualTo("file \"impostor.proto\" defines gitaly.Repository, which \"shared.proto\" defines already"));
    }

    [Test]
    public void Catalog_GarbageBytes_AreRefusedWithoutThrowing()
    {
        var catalog = new DescriptorCatalog();
        Assert.That(catalog.TryAdd(ByteString.CopyFrom(0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F), out var error), Is.False);
        Assert.That(error, Does.StartWith("not a FileDescriptorProto"));
    }

    [Test]
    public void Compiled_Classification_MatchesTheRegistry()
    {
        var classification = DescriptorClassifier.Classify(OperationRegistry.CompiledCatalog());
        Assert.That(classification.Problems, Is.Empty);
        Assert.That(classification.Operations.Values, Is.EquivalentTo(OperationRegistry.Gitaly.All));
    }

    private static OperationInfo ClassifyOne(params FieldDescriptorProto[] fields) => ClassifyOne([], fields);

    private static OperationInfo ClassifyOne(DescriptorProto[] messages, params FieldDescriptorProto[] fields)
    {
        var classification = DescriptorClassifier.Classify(Catalog(messages, fields));
        Assert.That(classification.Problems, Is.Empty);
        return classification.Operations["/test.Later/Call"];
    }

    private static DescriptorCatalog Catalog(DescriptorProto[] messages, FieldDescriptorProto[] fields,
        OperationMsg.Types.Operation op = OperationMsg.Types.Operation.Mutator, string input = ".test.CallRequest")
    {
        var file = new FileDescriptorProto { Name = "later.proto", Package = "test", Syntax = "proto3", Dependency = { "shared.proto", "routing_annotations.proto" } };
        file.MessageType.Add(messages);
        file.MessageType.Add(Message("CallRequest", fields));
        var options = new MethodOptions();
        options.SetExtension(SharedExtensions.OpType, new OperationMsg { Op = op });
        file.Service.Add(new ServiceDescriptorProto { Name = "Later", Method = { new MethodDescriptorProto { Name = "Call", InputType = input, OutputType = ".test.CallRequest", Options = options } } });
        var catalog = DescriptorCatalog.FromCompiled([SharedReflection.Descriptor, RoutingAnnotationsReflection.Descriptor]);
        Assert.That(catalog.TryAdd(file.ToByteString(), out var error), Is.True, error);
        return catalog;
    }

    private static DescriptorProto Message(string name, params FieldDescriptorProto[] fields)
    {
        var message = new DescriptorProto { Name = name };
        message.Field.Add(fields);
        return message;
    }

    private static FieldDescriptorProto Field(string name, int number, string? messageType = null, Extension<FieldOptions, bool>? mark = null)
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
}
