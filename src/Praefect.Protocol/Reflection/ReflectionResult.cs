namespace Praefect.Protocol.Reflection;

/// <summary>What one node declared through reflection.</summary>
/// <param name="Catalog">The files received; null when the node serves no reflection or the answer was refused.</param>
/// <param name="Error">Why the answer was refused (malformed, too large, the call failed); null when it was read.</param>
/// <param name="FileProblems">Files of the answer that were skipped (unparsable, or redefining another file's symbols).</param>
public sealed record ReflectionResult(DescriptorCatalog? Catalog, string? Error, IReadOnlyList<string> FileProblems)
{
    /// <summary>The node answered Unimplemented: it serves no reflection (a 1.37-era node).</summary>
    public bool NotServed { get; init; }

    /// <summary>The node could not be reached (Unavailable): nothing is known about what it declares now.</summary>
    public bool Unreachable { get; init; }

    public static ReflectionResult Failed(string error) => new(null, error, []);
}
