using Praefect.Protocol.Reflection;
using Praefect.Protocol.Registry;

namespace Praefect.Server.Registry;

/// <summary>What one node declared through reflection the last time praefect asked.</summary>
/// <param name="Reflection">The answer (its catalog is null when the node serves no reflection or the answer was refused).</param>
/// <param name="Classification">The methods of that answer classified; null without a catalog.</param>
internal sealed record NodeDeclaration(
    string VirtualStorage,
    string Storage,
    string Address,
    ReflectionResult Reflection,
    Classification? Classification,
    DateTimeOffset LearnedAt)
{
    public string Node => $"{VirtualStorage}/{Storage}";

    /// <summary>Methods the node declares that the compiled registry lacks and that it classifies (praefect routes them).</summary>
    public IReadOnlyList<string> BeyondCompiled(OperationRegistry compiled) =>
        Classification is null
            ? []
            : Classification.Operations.Keys.Where(m => !compiled.TryGet(m, out _)).Order(StringComparer.Ordinal).ToList();
}
