namespace Praefect.Protocol.Registry;

/// <summary>What <see cref="DescriptorClassifier"/> made of one set of protocol files.</summary>
/// <param name="Operations">Every method that could be classified, by full method.</param>
/// <param name="Problems">Every method that could not, with the reason.</param>
/// <param name="DeclaredMethods">How many methods the files declare in all.</param>
public sealed record Classification(
    IReadOnlyDictionary<string, OperationInfo> Operations,
    IReadOnlyList<MethodProblem> Problems,
    int DeclaredMethods);
