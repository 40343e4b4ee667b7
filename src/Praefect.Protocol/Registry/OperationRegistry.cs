using System.Reflection;
using Gitaly;
using Google.Protobuf.Reflection;

namespace Praefect.Protocol.Registry;

/// <summary>
/// Every Gitaly method with its routing facts, built once from the compiled descriptors and the
/// <c>op_type</c> option on each method. A method without op_type is a startup error.
/// </summary>
public sealed class OperationRegistry
{
    private const string RepositoryTypeName = "gitaly.Repository";
    private readonly Dictionary<string, OperationInfo> _byMethod;

    private OperationRegistry(Dictionary<string, OperationInfo> byMethod) => _byMethod = byMethod;

    private static readonly Lazy<OperationRegistry> GitalyRegistry = new(() => Build(CompiledGitalyFiles()));

    /// <summary>The registry of the compiled gitaly-proto definitions.</summary>
    public static OperationRegistry Gitaly => GitalyRegistry.Value;

    public IReadOnlyCollection<OperationInfo> All => _byMethod.Values;

    /// <summary>Looks a method up by its HTTP/2 path, e.g. <c>/gitaly.RepositoryService/RepositoryExists</c>.</summary>
    public bool TryGet(string fullMethod, out OperationInfo info) => _byMethod.TryGetValue(fullMethod, out info!);

    /// <summary>Builds a registry from protocol files; throws <see cref="OperationRegistryException"/> listing every method that cannot be routed.</summary>
    public static OperationRegistry Build(IEnumerable<FileDescriptor> files)
    {
        var byMethod = new Dictionary<string, OperationInfo>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var service in files.SelectMany(f => f.Services))
        {
            foreach (var method in service.Methods)
            {
                var info = Describe(method, problems);
                if (info is not null)
                {
                    byMethod[info.FullMethod] = info;
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new OperationRegistryException("cannot route these Gitaly methods: " + string.Join("; ", problems));
        }

        return new OperationRegistry(byMethod);
    }

    private static OperationInfo? Describe(MethodDescriptor method, List<string> problems)
    {
        var fullMethod = $"/{method.Service.FullName}/{method.Name}";
        var op = method.GetOptions()?.GetExtension(SharedExtensions.OpType);
        if (op is null || op.Op == OperationMsg.Types.Operation.Unknown)
        {
            problems.Add($"{fullMethod} has no op_type option (MUTATOR or ACCESSOR)");
            return null;
        }

        var request = method.InputType;
        FieldPath? target;
        if (!string.IsNullOrEmpty(op.TargetRepositoryField))
        {
            target = ParseTarget(method, request, op.TargetRepositoryField, problems);
            if (target is null)
            {
                return null;
            }
        }
        else
        {
            // Accessors of this era carry no field path: the Repository is found from the request type.
            target = FindTopLevelRepository(request);
        }

        // A declared REPOSITORY scope without any Repository (e.g. ServerInfo) can only be served per server;
        // a declared SERVER scope with a Repository (CreateBundle in 1.37) must still be routed by it.
        var scope = target is null ? OperationScope.Server : OperationScope.Repository;
        var additional = target is null ? null : FindSiblingRepository(request, target);
        var storageName = scope == OperationScope.Server ? FindStorageNameField(request) : null;

        return new OperationInfo(
            fullMethod,
            method.Service.FullName,
            method.Name,
            StreamingOf(method),
            op.Op == OperationMsg.Types.Operation.Mutator ? OperationKind.Mutator : OperationKind.Accessor,
            scope,
            target,
            additional,
            storageName,
            request);
    }

    private static FieldPath? ParseTarget(MethodDescriptor method, MessageDescriptor request, string text, List<string> problems)
    {
        FieldPath path;
        try
        {
            path = FieldPath.Parse(text);
        }
        catch (FormatException e)
        {
            problems.Add($"/{method.Service.FullName}/{method.Name}: target_repository_field {e.Message}");
            return null;
        }

        var field = Resolve(request, path);
        if (field is null || field.FieldType != FieldType.Message || field.MessageType.FullName != RepositoryTypeName)
        {
            problems.Add($"/{method.Service.FullName}/{method.Name}: target_repository_field \"{text}\" does not name a gitaly.Repository in {request.FullName}");
            return null;
        }

        return path;
    }

    /// <summary>The field descriptor at <paramref name="path"/>, or null when the path leaves the message types.</summary>
    public static FieldDescriptor? Resolve(MessageDescriptor message, FieldPath path)
    {
        FieldDescriptor? field = null;
        var current = message;
        foreach (var number in path.Numbers)
        {
            if (current is null)
            {
                return null;
            }

            field = current.FindFieldByNumber(number);
            if (field is null)
            {
                return null;
            }

            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return field;
    }

    private static FieldPath? FindTopLevelRepository(MessageDescriptor request) =>
        request.Fields.InFieldNumberOrder()
            .Where(IsSingleRepository)
            .Select(f => new FieldPath([f.FieldNumber]))
            .FirstOrDefault();

    private static FieldPath? FindSiblingRepository(MessageDescriptor request, FieldPath target)
    {
        var parentNumbers = target.Numbers.Take(target.Numbers.Count - 1).ToArray();
        var parent = parentNumbers.Length == 0 ? request : Resolve(request, new FieldPath(parentNumbers))?.MessageType;
        var sibling = parent?.Fields.InFieldNumberOrder()
            .FirstOrDefault(f => IsSingleRepository(f) && f.FieldNumber != target.Numbers[^1]);
        return sibling is null ? null : new FieldPath([.. parentNumbers, sibling.FieldNumber]);
    }

    private static FieldPath? FindStorageNameField(MessageDescriptor request)
    {
        var field = request.FindFieldByName("storage_name");
        return field is { FieldType: FieldType.String, IsRepeated: false } ? new FieldPath([field.FieldNumber]) : null;
    }

    private static bool IsSingleRepository(FieldDescriptor field) =>
        field is { FieldType: FieldType.Message, IsRepeated: false } && field.MessageType.FullName == RepositoryTypeName;

    private static StreamingKind StreamingOf(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => StreamingKind.Unary,
        (true, false) => StreamingKind.ClientStreaming,
        (false, true) => StreamingKind.ServerStreaming,
        _ => StreamingKind.DuplexStreaming,
    };

    /// <summary>Every compiled gitaly-proto file: the generated *Reflection classes of namespace Gitaly.</summary>
    private static IEnumerable<FileDescriptor> CompiledGitalyFiles() =>
        typeof(SharedReflection).Assembly.GetTypes()
            .Where(t => t.Namespace == "Gitaly" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .OrderBy(f => f.Name, StringComparer.Ordinal);
}
