using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Registry;

/// <summary>One immutable state of the merged registry: the methods praefect routes, and the files it serves through reflection.</summary>
internal sealed record RegistryView(
    IReadOnlyDictionary<string, OperationInfo> Operations,
    DescriptorCatalog Catalog,
    IReadOnlyList<NodeDeclaration> Nodes);
