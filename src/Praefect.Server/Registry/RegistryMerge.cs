using Google.Protobuf.Reflection;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Registry;

/// <summary>
/// Merges what the nodes declare with the compiled 1.37 registry. Nodes are taken in precedence
/// order (every virtual storage's primary first, then the secondaries); for each method the first
/// node that declares it decides: its classification is used, or, when its declaration of that
/// method cannot be classified, the compiled one (none: the method is refused as unknown). Other
/// declarations that differ are reported as disagreements.
/// </summary>
internal static class RegistryMerge
{
    public static (RegistryView View, IReadOnlyList<string> Disagreements) Merge(
        OperationRegistry compiled, DescriptorCatalog compiledCatalog, IReadOnlyList<FileDescriptor> ownFiles, IReadOnlyList<NodeDeclaration> byPrecedence)
    {
        var operations = compiled.All.ToDictionary(o => o.FullMethod, StringComparer.Ordinal);
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var node in byPrecedence.Where(n => n.Classification is not null))
        {
            var classification = node.Classification!;
            foreach (var (method, info) in classification.Operations)
            {
                if (decided.Add(method))
                {
                    if (operations.TryGetValue(method, out var known) && known != info)
                    {
                        disagreements.Add($"{method}: node {node.Node} declares {Describe(info)}, the compiled registry {Describe(known)}; using the node's");
                    }

                    operations[method] = info;
                }
                else if (operations.TryGetValue(method, out var chosen) && chosen != info)
                {
                    disagreements.Add($"{method}: node {node.Node} declares {Describe(info)}, which differs from the declaration in use ({Describe(chosen)})");
                }
            }

            // A method this node declares but cannot classify keeps the compiled classification (if any).
            foreach (var problem in classification.Problems)
            {
                decided.Add(problem.FullMethod);
            }
        }

        var catalog = DescriptorCatalog.FromCompiled(ownFiles);
        foreach (var source in byPrecedence.Select(n => n.Reflection.Catalog).OfType<DescriptorCatalog>().Append(compiledCatalog))
        {
            foreach (var name in source.FileNames)
            {
                foreach (var raw in source.WithDependencies(name).Take(1))
                {
                    catalog.TryAdd(raw, out _);
                }
            }
        }

        return (new RegistryView(operations, catalog, byPrecedence), disagreements);
    }

    public static string Describe(OperationInfo info) =>
        $"{info.Kind.ToString().ToLowerInvariant()} {info.Scope.ToString().ToLowerInvariant()}-scoped" +
        (info.TargetRepository is { } target ? $", target {target}" : "") +
        (info.AdditionalRepository is { } additional ? $", additional {additional}" : "") +
        (info.StorageName is { } storage ? $", storage {storage}" : "");
}
