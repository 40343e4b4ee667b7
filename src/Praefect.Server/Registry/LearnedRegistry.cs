using Google.Protobuf.Reflection;
using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Registry;

/// <summary>
/// The registry praefect routes with: the compiled 1.37 registry merged with what the nodes declare
/// (<see cref="RegistryMerge"/>). Starts as the compiled registry; <see cref="OperationLearner"/>
/// swaps in a new <see cref="RegistryView"/> whenever it learned a node. Lookups never block.
/// </summary>
internal sealed class LearnedRegistry : IOperationLookup
{
    private readonly OperationRegistry _compiled;
    private readonly DescriptorCatalog _compiledCatalog;
    private readonly IReadOnlyList<FileDescriptor> _ownFiles;
    private volatile RegistryView _view;

    public LearnedRegistry(OperationRegistry compiled, IReadOnlyList<FileDescriptor> ownFiles)
    {
        _compiled = compiled;
        _compiledCatalog = OperationRegistry.CompiledCatalog();
        _ownFiles = ownFiles;
        (_view, _) = RegistryMerge.Merge(compiled, _compiledCatalog, ownFiles, []);
    }

    public OperationRegistry Compiled => _compiled;

    public RegistryView View => _view;

    /// <summary>What praefect serves through reflection.</summary>
    public DescriptorCatalog Catalog => _view.Catalog;

    public bool TryGet(string fullMethod, out OperationInfo operation) => _view.Operations.TryGetValue(fullMethod, out operation!);

    /// <summary>Replaces the node declarations (in precedence order); returns the disagreements of the new view.</summary>
    public IReadOnlyList<string> Apply(IReadOnlyList<NodeDeclaration> byPrecedence)
    {
        var (view, disagreements) = RegistryMerge.Merge(_compiled, _compiledCatalog, _ownFiles, byPrecedence);
        _view = view;
        return disagreements;
    }
}
