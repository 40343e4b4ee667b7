using System.Reflection;
using Gitaly;
using Google.Protobuf.Reflection;
using Praefect.Protocol.Reflection;

namespace Praefect.Protocol.Registry;

/// <summary>
/// Gitaly methods with their routing facts, classified by <see cref="DescriptorClassifier"/>.
/// <see cref="Gitaly"/> is the registry of the compiled gitaly-proto 1.37 files, built once; in it a
/// method without op_type is a startup error. Praefect merges it with what the nodes declare.
/// </summary>
public sealed class OperationRegistry
{
    private readonly Dictionary<string, OperationInfo> _byMethod;

    private OperationRegistry(Dictionary<string, OperationInfo> byMethod) => _byMethod = byMethod;

    private static readonly Lazy<OperationRegistry> GitalyRegistry = new(() => Build(CompiledGitalyFiles()));

    /// <summary>The registry of the compiled gitaly-proto definitions.</summary>
    public static OperationRegistry Gitaly => GitalyRegistry.Value;

    /// <summary>The compiled gitaly-proto files (and their dependencies) as a catalog, e.g. to serve through reflection.</summary>
    public static DescriptorCatalog CompiledCatalog() => DescriptorCatalog.FromCompiled(CompiledGitalyFiles());

    public IReadOnlyCollection<OperationInfo> All => _byMethod.Values;

    /// <summary>Looks a method up by its HTTP/2 path, e.g. <c>/gitaly.RepositoryService/RepositoryExists</c>.</summary>
    public bool TryGet(string fullMethod, out OperationInfo info) => _byMethod.TryGetValue(fullMethod, out info!);

    /// <summary>Builds a registry from protocol files; throws <see cref="OperationRegistryException"/> listing every method that cannot be routed.</summary>
    public static OperationRegistry Build(IEnumerable<FileDescriptor> files)
    {
        var classification = DescriptorClassifier.Classify(DescriptorCatalog.FromCompiled(files));
        if (classification.Problems.Count > 0)
        {
            throw new OperationRegistryException("cannot route these Gitaly methods: " + string.Join("; ", classification.Problems));
        }

        return new OperationRegistry(new Dictionary<string, OperationInfo>(classification.Operations, StringComparer.Ordinal));
    }

    /// <summary>Every compiled gitaly-proto file: the generated *Reflection classes of namespace Gitaly.</summary>
    private static IEnumerable<FileDescriptor> CompiledGitalyFiles() =>
        typeof(SharedReflection).Assembly.GetTypes()
            .Where(t => t.Namespace == "Gitaly" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .OrderBy(f => f.Name, StringComparer.Ordinal);
}
